package io.stepcache.engine.trust;

/**
 * How a grounded pack's steps earn trust, and what that may cost.
 *
 * @param confirm when provisional steps are confirmed: {@link Confirm#EAGER} queues a confirmation
 *     (independent generations, off the request path) for every new entry with provisional steps;
 *     {@link Confirm#ON_DEMAND} queues none, and a provisional step is confirmed when a later request
 *     that needs it asks the model for it again (on that request's path) and gets the same answer
 * @param confirmations fewest independent generations that must agree with a provisional step before
 *     it is reused (1..5); each costs one model call with the pack's confirmation prompt
 * @param maxConfirmations most agreements ever required (confirmations..8): the number required
 *     grows with the disagreement rate measured between independent generations of the pack, so
 *     that a fact confirmed unanimously is wrong with probability at most {@code errorTarget}
 * @param errorTarget the accepted probability (0..0.5) that a unanimously confirmed step is wrong
 * @param queueCapacity confirmation and audit jobs waiting at most; a job that finds the queue full
 *     is skipped (counted), never blocks a request
 * @param auditRate share (0..1) of REUSEs of grounded entries re-checked against a fresh generation
 * @param maxTokens output token limit of one confirmation or audit call
 * @param temperature sampling temperature of confirmation and audit calls (another sample than the
 *     request's), or {@code null} for the backend's default
 */
public record TrustSettings(
    Confirm confirm,
    int confirmations,
    int maxConfirmations,
    double errorTarget,
    int queueCapacity,
    double auditRate,
    int maxTokens,
    Double temperature) {

  /** When provisional steps are confirmed. */
  public enum Confirm {
    /** Every new entry with provisional steps is queued for confirmation at once (the default). */
    EAGER,
    /** Only a later request that needs a provisional step confirms it, by asking for it again. */
    ON_DEMAND
  }

  /** Default independent agreements needed. */
  public static final int DEFAULT_CONFIRMATIONS = 1;
  /** Default most agreements required. */
  public static final int DEFAULT_MAX_CONFIRMATIONS = 6;
  /** Default accepted probability that a confirmed step is wrong. */
  public static final double DEFAULT_ERROR_TARGET = 0.001;
  /** Default queue capacity. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1024;
  /** Default audited share of grounded REUSEs. */
  public static final double DEFAULT_AUDIT_RATE = 0.05;
  /** Default output limit of one confirmation call. */
  public static final int DEFAULT_MAX_TOKENS = 256;
  /** Default temperature of confirmation calls. */
  public static final double DEFAULT_TEMPERATURE = 0.7;

  public TrustSettings {
    java.util.Objects.requireNonNull(confirm, "confirm");
    if (confirmations < 1 || confirmations > 5) {
      throw new IllegalArgumentException("confirmations must be in [1,5], got " + confirmations);
    }
    if (maxConfirmations < confirmations || maxConfirmations > 8) {
      throw new IllegalArgumentException(
          "maxConfirmations must be in [confirmations,8], got " + maxConfirmations + " (confirmations " + confirmations + ")");
    }
    if (!(errorTarget > 0 && errorTarget < 0.5)) {
      throw new IllegalArgumentException("errorTarget must be in (0,0.5), got " + errorTarget);
    }
    if (queueCapacity < 1 || queueCapacity > 1_000_000) {
      throw new IllegalArgumentException("queueCapacity must be in [1,1000000], got " + queueCapacity);
    }
    if (!(auditRate >= 0 && auditRate <= 1)) {
      throw new IllegalArgumentException("auditRate must be in [0,1], got " + auditRate);
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
    }
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0,2], got " + temperature);
    }
  }

  /**
   * Eager confirmation, 1 to 6 confirmations for an error target of 0.1 %, a queue of 1024, 5 % of
   * grounded REUSEs audited, 256 tokens, temperature 0.7.
   */
  public static TrustSettings defaults() {
    return new TrustSettings(Confirm.EAGER, DEFAULT_CONFIRMATIONS, DEFAULT_MAX_CONFIRMATIONS, DEFAULT_ERROR_TARGET,
        DEFAULT_QUEUE_CAPACITY, DEFAULT_AUDIT_RATE, DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE);
  }

  /** These settings with another audit rate. */
  public TrustSettings withAuditRate(double rate) {
    return new TrustSettings(confirm, confirmations, maxConfirmations, errorTarget, queueCapacity, rate, maxTokens,
        temperature);
  }

  /** These settings with a fixed number of confirmations ({@code n} at least and at most). */
  public TrustSettings withConfirmations(int n) {
    return new TrustSettings(confirm, n, n, errorTarget, queueCapacity, auditRate, maxTokens, temperature);
  }

  /** These settings with another confirmation mode. */
  public TrustSettings withConfirm(Confirm mode) {
    return new TrustSettings(mode, confirmations, maxConfirmations, errorTarget, queueCapacity, auditRate, maxTokens,
        temperature);
  }
}
