package io.stepcache.engine.internal;

import io.stepcache.engine.Usage;
import io.stepcache.engine.trust.TrustStats;
import java.util.concurrent.atomic.LongAdder;

/** The mutable counters behind {@link TrustStats}. Thread-safe. */
final class TrustCounters {

  final LongAdder confirmationsQueued = new LongAdder();
  final LongAdder confirmationsSkipped = new LongAdder();
  final LongAdder auditsQueued = new LongAdder();
  final LongAdder auditsSkipped = new LongAdder();
  final LongAdder backgroundCalls = new LongAdder();
  final LongAdder stepsConfirmed = new LongAdder();
  final LongAdder agreements = new LongAdder();
  final LongAdder auditDisagreements = new LongAdder();
  final LongAdder contradictions = new LongAdder();
  final LongAdder stepsDemoted = new LongAdder();
  final LongAdder jobFailures = new LongAdder();
  private final LongAdder promptTokens = new LongAdder();
  private final LongAdder completionTokens = new LongAdder();

  void spent(Usage usage, int calls) {
    promptTokens.add(usage.promptTokens());
    completionTokens.add(usage.completionTokens());
    backgroundCalls.add(calls);
  }

  TrustStats snapshot() {
    return new TrustStats(confirmationsQueued.sum(), confirmationsSkipped.sum(), auditsQueued.sum(),
        auditsSkipped.sum(), backgroundCalls.sum(), stepsConfirmed.sum(), agreements.sum(), auditDisagreements.sum(),
        contradictions.sum(), stepsDemoted.sum(), jobFailures.sum(), promptTokens.sum(), completionTokens.sum());
  }
}
