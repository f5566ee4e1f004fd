package io.stepcache.engine.store;

import java.util.Objects;

/**
 * How far one cached step may be trusted (README "Trust").
 *
 * @param state what is known about the step
 * @param votes independent generations that agreed with it so far
 * @param lineage identifies the fact the step states: a step copied into another variant (a REUSE
 *     stored under another key, a PATCH that keeps it) keeps its lineage, so disputing it demotes
 *     every copy
 */
public record StepTrust(State state, int votes, String lineage) {

  /** What is known about a cached step. */
  public enum State {
    /** The pack's rules prove the step right whenever it passes them (a checked pack). */
    CHECKED,
    /** Independent generations agreed with it, or the rules determined it: reused without asking. */
    CONFIRMED,
    /** Only plausible so far: never reused; a confirmation is pending. */
    PROVISIONAL,
    /** An independent generation disagreed with it: never reused or confirmed again. */
    DISPUTED
  }

  public StepTrust {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lineage, "lineage");
    if (votes < 0) {
      throw new IllegalArgumentException("votes must be >= 0, got " + votes);
    }
  }

  /** A new step of a checked pack. */
  public static StepTrust checked(String lineage) {
    return new StepTrust(State.CHECKED, 0, lineage);
  }

  /** A new plausible step waiting for confirmation. */
  public static StepTrust provisional(String lineage) {
    return new StepTrust(State.PROVISIONAL, 0, lineage);
  }

  /** A step the rules determined, or that independent generations agreed with. */
  public static StepTrust confirmed(int votes, String lineage) {
    return new StepTrust(State.CONFIRMED, votes, lineage);
  }

  /** True when the step may be reused without asking the model (checked or confirmed). */
  public boolean reusable() {
    return state == State.CHECKED || state == State.CONFIRMED;
  }

  /** This step with one more agreeing generation; confirmed once {@code needed} agreed. */
  public StepTrust withVote(int needed) {
    if (state != State.PROVISIONAL) {
      return this;
    }
    int v = votes + 1;
    return new StepTrust(v >= needed ? State.CONFIRMED : State.PROVISIONAL, v, lineage);
  }

  /** This step, disputed. */
  public StepTrust disputed() {
    return new StepTrust(State.DISPUTED, votes, lineage);
  }
}
