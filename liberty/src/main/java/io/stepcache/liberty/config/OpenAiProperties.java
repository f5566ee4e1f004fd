package io.stepcache.liberty.config;

import io.stepcache.backend.openai.OpenAiSettings;
import jakarta.enterprise.context.Dependent;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenAI-compatible backend ({@code stepcache.backend=openai}): {@code stepcache.backend.openai.*}
 * (no field initializers, see {@link StoreProperties}).
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

  @ConfigProperty(name = "connectTimeout", defaultValue = "PT2S")
  Duration connectTimeout;

  @ConfigProperty(name = "readTimeout", defaultValue = "PT120S")
  Duration readTimeout;

  @ConfigProperty(name = "maxRetries", defaultValue = "2")
  int maxRetries;

  @ConfigProperty(name = "backoff", defaultValue = "PT0.2S")
  Duration backoff;

  @ConfigProperty(name = "stream", defaultValue = "false")
  boolean stream;

  @ConfigProperty(name = "responseFormat", defaultValue = "true")
  boolean responseFormat;

  @ConfigProperty(name = "cacheSalt", defaultValue = "false")
  boolean cacheSalt;

  /** How to reach the OpenAI-compatible server. */
  public OpenAiSettings settings() {
    URI base;
    try {
      base = URI.create(baseUrl == null ? "" : baseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw Checks.invalid(key("baseUrl"), baseUrl, "an http(s) URL such as http://127.0.0.1:8090/v1");
    }
    Duration connect = Checks.positive(key("connectTimeout"), connectTimeout);
    Duration read = Checks.positive(key("readTimeout"), readTimeout);
    int retries = Checks.inRange(key("maxRetries"), maxRetries, 0, 10);
    try {
      return new OpenAiSettings(base, model.orElse(null), apiKey.orElse(null), connect, read, retries, backoff,
          stream, responseFormat, cacheSalt);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid StepCache setting stepcache.backend.openai.*: " + e.getMessage()
          + ". Fix it in server.xml, an environment variable or META-INF/microprofile-config.properties.", e);
    }
  }

  private static String key(String field) {
    return ConfigKeys.key(OpenAiProperties.class, field);
  }
}
