package io.stepcache.liberty.config;

import io.stepcache.backend.openai.OpenAiSettings;
import jakarta.enterprise.context.Dependent;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenAI-compatible backend ({@code stepcache.backend=openai}): {@code stepcache.backend.openai.*}.
 * An unset key other than {@code baseUrl} takes its value from {@link OpenAiSettings#of(String)} (no
 * field initializers, see {@link StoreProperties}).
 */
@Dependent
@ConfigProperties(prefix = "stepcache.backend.openai")
public class OpenAiProperties {

  @ConfigProperty(name = "baseUrl", defaultValue = "http://127.0.0.1:8090/v1")
  String baseUrl;

  @ConfigProperty(name = "model")
  Optional<String> model;

  @ConfigProperty(name = "apiKey")
  Optional<String> apiKey;

  @ConfigProperty(name = "connectTimeout")
  Optional<Duration> connectTimeout;

  @ConfigProperty(name = "readTimeout")
  Optional<Duration> readTimeout;

  @ConfigProperty(name = "maxRetries")
  Optional<Integer> maxRetries;

  @ConfigProperty(name = "backoff")
  Optional<Duration> backoff;

  @ConfigProperty(name = "stream")
  Optional<Boolean> stream;

  @ConfigProperty(name = "responseFormat")
  Optional<Boolean> responseFormat;

  @ConfigProperty(name = "cacheSalt")
  Optional<Boolean> cacheSalt;

  /** How to reach the OpenAI-compatible server. */
  public OpenAiSettings settings() {
    URI base;
    OpenAiSettings d;
    try {
      base = URI.create(baseUrl == null ? "" : baseUrl.trim());
      d = OpenAiSettings.of(base.toString());
    } catch (IllegalArgumentException e) {
      throw Checks.invalid(key("baseUrl"), baseUrl, "an http(s) URL such as http://127.0.0.1:8090/v1");
    }
    Duration connect = Checks.positive(key("connectTimeout"), connectTimeout.orElse(d.connectTimeout()));
    Duration read = Checks.positive(key("readTimeout"), readTimeout.orElse(d.readTimeout()));
    int retries = Checks.inRange(key("maxRetries"), maxRetries.orElse(d.maxRetries()), 0, 10);
    try {
      return new OpenAiSettings(base, model.orElse(null), apiKey.orElse(null), connect, read, retries,
          backoff.orElse(d.backoff()), stream.orElse(d.stream()), responseFormat.orElse(d.responseFormat()),
          cacheSalt.orElse(d.cacheSalt()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid StepCache setting stepcache.backend.openai.*: " + e.getMessage()
          + ". Fix it in server.xml, an environment variable or META-INF/microprofile-config.properties.", e);
    }
  }

  private static String key(String field) {
    return ConfigKeys.key(OpenAiProperties.class, field);
  }
}
