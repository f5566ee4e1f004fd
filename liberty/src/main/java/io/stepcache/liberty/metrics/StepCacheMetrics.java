package io.stepcache.liberty.metrics;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.trust.TrustStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
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
  public static final String MODEL_LATENCY = "stepcache.model.latency";
  public static final String VERIFICATION_LATENCY = "stepcache.verification.latency";
  /** The {@code tenant_class} of a tenant named in no class. */
  public static final String OTHER_TENANTS = "other";
  public static final String ERRORS = "stepcache.errors";
  public static final String ANSWERS = "stepcache.answers";
  public static final String TRUST = "stepcache.trust.events";

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
      .withDescription("Time to serve a completion request in the API, by path, task and tenant class")
      .withUnit(MetricUnits.NANOSECONDS)
      .build();
  private static final Metadata MODEL_LATENCY_META = Metadata.builder()
      .withName(MODEL_LATENCY)
      .withDescription("Time one request spent in model calls (requests that made some), by path and task")
      .withUnit(MetricUnits.NANOSECONDS)
      .build();
  private static final Metadata VERIFICATION_LATENCY_META = Metadata.builder()
      .withName(VERIFICATION_LATENCY)
      .withDescription("Time one request spent in the pack's rules (guard and verification), by path and task")
      .withUnit(MetricUnits.NANOSECONDS)
      .build();
  private static final Metadata ERRORS_META = Metadata.builder()
      .withName(ERRORS)
      .withDescription("Requests answered with an error, by error code")
      .build();

  private static final Metadata ANSWERS_META = Metadata.builder()
      .withName(ANSWERS)
      .withDescription("Answers served, by trust level (checked, confirmed, grounded, none) and task")
      .build();
  private static final Metadata TRUST_META = Metadata.builder()
      .withName(TRUST)
      .withDescription("Confirmation and audit events since start, by event (confirmations_queued, "
          + "confirmations_skipped, audits_queued, audits_skipped, background_calls, steps_confirmed, agreements, "
          + "audit_disagreements, contradictions, steps_demoted, job_failures, background_tokens)")
      .build();

  @Inject MetricRegistry registry;

  private volatile Map<String, String> tenantClasses = Map.of();

  /** Which tenants form which class ({@code stepcache.metrics.tenantClasses}); called once at start. */
  public void classifyTenants(Map<String, String> classOfTenant) {
    this.tenantClasses = Map.copyOf(classOfTenant);
  }

  /**
   * Publishes the engine's confirmation and audit counters as gauges (read when scraped). Called
   * once, when the engine is built.
   */
  public void watchTrust(Supplier<TrustStats> stats) {
    Map<String, ToLongFunction<TrustStats>> events = new LinkedHashMap<>();
    events.put("confirmations_queued", TrustStats::confirmationsQueued);
    events.put("confirmations_skipped", TrustStats::confirmationsSkipped);
    events.put("audits_queued", TrustStats::auditsQueued);
    events.put("audits_skipped", TrustStats::auditsSkipped);
    events.put("background_calls", TrustStats::backgroundCalls);
    events.put("steps_confirmed", TrustStats::stepsConfirmed);
    events.put("agreements", TrustStats::agreements);
    events.put("audit_disagreements", TrustStats::auditDisagreements);
    events.put("contradictions", TrustStats::contradictions);
    events.put("steps_demoted", TrustStats::stepsDemoted);
    events.put("job_failures", TrustStats::jobFailures);
    events.put("background_tokens", TrustStats::backgroundTokens);
    events.forEach((event, read) ->
        registry.gauge(TRUST_META, stats, s -> read.applyAsLong(s.get()), new Tag("event", event)));
  }

  /** A completion was served to {@code tenant}. */
  public void served(CompletionResult r, String tenant, long elapsedNanos) {
    String path = r.path().name();
    String task = r.task() == null ? "" : r.task();
    registry.counter(REQUESTS_META, new Tag("path", path), new Tag("task", task)).inc();
    registry.counter(ANSWERS_META, new Tag("verification", r.verification().wireName()), new Tag("task", task)).inc();
    if (r.usage().promptTokens() > 0) {
      registry.counter(TOKENS_META, new Tag("kind", "prompt"), new Tag("task", task)).inc(r.usage().promptTokens());
    }
    if (r.usage().completionTokens() > 0) {
      registry.counter(TOKENS_META, new Tag("kind", "completion"), new Tag("task", task))
          .inc(r.usage().completionTokens());
    }
    registry.timer(LATENCY_META, new Tag("path", path), new Tag("task", task),
        new Tag("tenant_class", tenantClasses.getOrDefault(tenant, OTHER_TENANTS))).update(Duration.ofNanos(elapsedNanos));
    if (r.timings().modelMs() > 0) {
      registry.timer(MODEL_LATENCY_META, new Tag("path", path), new Tag("task", task))
          .update(Duration.ofNanos(Math.round(r.timings().modelMs() * 1e6)));
    }
    registry.timer(VERIFICATION_LATENCY_META, new Tag("path", path), new Tag("task", task))
        .update(Duration.ofNanos(Math.round(r.timings().verifyMs() * 1e6)));
  }

  /** A request ended with an error code ({@code UNKNOWN_TASK}, {@code NOT_FOUND}, ...). */
  public void failed(String code) {
    registry.counter(ERRORS_META, new Tag("code", code)).inc();
  }
}
