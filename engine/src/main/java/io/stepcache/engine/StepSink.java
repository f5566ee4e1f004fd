package io.stepcache.engine;

/**
 * Receives an answer while it is served ({@link StepCacheEngine#stream}): first where it comes from, then each step
 * as soon as it is verified, in order. Called on the request's thread; never concurrently.
 */
public interface StepSink {

  /**
   * The path is known; steps follow. Called once per request, before the first step (also when none follows).
   *
   * @param entryId the cached entry the answer is served from (REUSE, PATCH), else {@code null}
   */
  default void started(RequestPath path, String task, Double similarity, String entryId) {}

  /**
   * The next verified step.
   *
   * @param content the text this step adds to the answer: the pack's stitching of the steps so far, from where the
   *     previous step's content ended (what the stitcher writes after the last step comes with the result)
   */
  void step(ServedStep step, String content);

  /**
   * Whether the answer is still wanted; polled while the model writes. {@code false} (the client went away) cancels
   * the generation and the request ends with {@code CLIENT_CLOSED}.
   */
  default boolean wanted() {
    return true;
  }
}
