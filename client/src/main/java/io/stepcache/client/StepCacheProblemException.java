package io.stepcache.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * StepCache refused or failed a request: an HTTP status of 400 or more, with the {@link Problem} the server sent.
 * {@link #code()} is the stable code to branch on. An error answer without a problem body (a proxy's 502 page) gets
 * the code {@code HTTP_<status>} and its first characters as the detail.
 */
public class StepCacheProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final Problem problem;
  private final Duration retryAfter;

  /**
   * @param status the HTTP status of the answer
   * @param problem its problem body (or one made up for an answer without)
   * @param retryAfter its {@code Retry-After} (429), or {@code null}
   */
  public StepCacheProblemException(int status, Problem problem, Duration retryAfter) {
    super("StepCache answered " + status + " " + Objects.requireNonNull(problem, "problem").code() + ": "
        + problem.detail());
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable error code: {@code PROMPT_EMPTY}, {@code UNKNOWN_TASK}, {@code UNAUTHORIZED}, ... */
  public String code() {
    return problem.code();
  }

  /** The problem's title. */
  public String title() {
    return problem.title();
  }

  /** What exactly went wrong. */
  public String detail() {
    return problem.detail();
  }

  /** The whole problem body. */
  public Problem problem() {
    return problem;
  }

  /** How long to wait before trying again ({@code Retry-After} of a 429), if the server said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
