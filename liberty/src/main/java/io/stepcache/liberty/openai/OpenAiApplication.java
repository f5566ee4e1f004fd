package io.stepcache.liberty.openai;

import io.stepcache.liberty.rest.RequestIdFilter;
import io.stepcache.liberty.security.CallerFilter;
import io.stepcache.liberty.security.PathGuardFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The OpenAI-compatible front door as a JAX-RS application of its own at the context root, so its
 * URLs are the ones OpenAI clients expect ({@code <base>/v1/chat/completions} with base URL {@code
 * http://host:9080/v1}) while the native API keeps {@code /api}. It names its classes explicitly:
 * the resource and a mapper that answers routing errors (unknown path, wrong method) in OpenAI's
 * error shape. The native application ({@code /api}, which scans) picks up the resource too, so
 * {@code /api/v1/chat/completions} works as an alias.
 */
@ApplicationPath("/")
public class OpenAiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(OpenAiChatResource.class, OpenAiRoutingErrorMapper.class, PathGuardFilter.class, CallerFilter.class,
        RequestIdFilter.class);
  }
}
