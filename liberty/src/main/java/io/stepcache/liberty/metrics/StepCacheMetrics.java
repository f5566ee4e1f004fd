package io.stepcache.liberty.metrics;

import io.stepcache.engine.CompletionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** Records what the API served. Names and tags are part of the operations contract. */
@ApplicationScoped
public class StepCacheMetrics {

  public static final String REQUESTS = "stepcache.requests";
  public static final String TOKENS = "stepcache.tokens";
  public static final String LATENCY = "stepcache.latency";
  public static final String ERRORS = "stepcache.errors";

  private static final Metadata REQUESTS_META = Metadata.builder()
      .withName(REQUESTS)
      .withDescription("Completion requests served, by path (REUSE, PATCH, SKIP, MISS) and task")
      .build();
  private static final Metadata TOKENS_META = Metadata.builder()
      .withName(TOKENS)
      .withDescription("Backend tokens spent, by kind (prompt, completion) and task")
      .build();
  private static final Metadata LATENCY_META = Metadata.builder()
      .withName(LATENCY)
      .withDescription("Time to serve a completion request in the API, by path")
      .withUnit(MetricUnits.NANOSECONDS)
      .build();
  private static final Metadata ERRORS_META = Metadata.builder()
      .withName(ERRORS)
      .withDescription("Requests answered with an error, by error code")
      .build();

  @Inject MetricRegistry registry;

  /** A completion was served. */
  public void served(CompletionResult r, long elapsedNanos) {
    String path = r.path().name();
    String task = r.task() == null ? "" : r.task();
    registry.counter(REQUESTS_META, new Tag("path", path), new Tag("task", task)).inc();
    if (r.usage().promptTokens() > 0) {
      registry.counter(TOKENS_META, new Tag("kind", "prompt"), new Tag("task", task)).inc(r.usage().promptTokens());
    }
    if (r.usage().completionTokens() > 0) {
      registry.counter(TOKENS_META, new Tag("kind", "completion"), new Tag("task", task))
          .inc(r.usage().completionTokens());
    }
    registry.timer(LATENCY_META, new Tag("path", path)).update(Duration.ofNanos(elapsedNanos));
  }

  /** A request ended with an error code ({@code UNKNOWN_TASK}, {@code NOT_FOUND}, ...). */
  public void failed(String code) {
    registry.counter(ERRORS_META, new Tag("code", code)).inc();
  }
}
