package io.stepcache.bench.stream;

/** The measurements of one repetition: the direct call and StepCache's two variants, on one prompt. */
final class Runs {

  private Runs() {}

  /**
   * The direct call.
   *
   * @param call what the client saw
   * @param used the server's counters over the call
   */
  record Direct(DirectCall.Result call, ServerCounters used) {

    /** The server's own generation time per token over this call (ms). */
    double serverMsPerToken() {
      return used.tokensPredicted() == 0 ? Double.NaN : used.predictSeconds() * 1000 / used.tokensPredicted();
    }
  }

  /**
   * StepCache's cancel and the server's stop, in ms from the moment the piece that completed the
   * failing step reached StepCache.
   *
   * @param piecesAtCancel content pieces received up to and including that piece
   * @param arrivedMs when it arrived, from the start of the engine call
   * @param verifyMs until StepCache's sink refused it (segmentation and Drools verification)
   * @param stopUpperMs until a poll of {@code /slots} came back with the slot idle: the server stopped before
   * @param stopLowerMs until the last poll that found it busy was sent (0 when the first poll found it idle): it
   *     stopped after
   * @param polls {@code /slots} polls made
   * @param tokensAfter tokens the server generated after that piece: its counter over the call minus the pieces
   */
  record Cancel(int piecesAtCancel, double arrivedMs, double verifyMs, double stopUpperMs, double stopLowerMs,
      int polls, long tokensAfter) {

    /** The same cancel with the tokens the server generated after the failing step. */
    Cancel withTokensAfter(long tokens) {
      return new Cancel(piecesAtCancel, arrivedMs, verifyMs, stopUpperMs, stopLowerMs, polls, tokens);
    }
  }

  /**
   * One call through StepCache's engine.
   *
   * @param variant {@code pass} or {@code fail}
   * @param beforeBackendMs StepCache's own time before it called the backend (validation, pack, analysis, lookup,
   *     prompt)
   * @param firstStepLagMs StepCache's own time from the piece that completed the first step reaching its backend
   *     to the step reaching the StepSink (segmentation, Drools verification, stitching); NaN when none came
   * @param ttftMs to the first piece reaching StepCache's backend
   * @param ttfvMs to the first verified step handed to the StepSink (NaN: none)
   * @param totalMs to the engine call's return
   * @param path the request's path (MISS)
   * @param streamedSteps steps handed to the StepSink
   * @param verified whether the answer verified
   * @param pieces content pieces the backend received
   * @param text the text received (up to the cancel)
   * @param used the server's counters over the call
   * @param cancel the cancel, or {@code null} when the generation ran to its end
   */
  record Engine(String variant, double beforeBackendMs, double firstStepLagMs, double ttftMs, double ttfvMs, double totalMs, String path, int streamedSteps,
      boolean verified, int pieces, String text, ServerCounters used, Cancel cancel) {

    /** StepCache's own time on the way to the first verified step, without the model's: both parts above. */
    double ownMs() {
      return beforeBackendMs + firstStepLagMs;
    }
  }

  /**
   * One repetition.
   *
   * @param index 0-based
   * @param prompt the request's own text
   * @param directFirst whether the direct call came first (the order alternates)
   */
  record Repetition(int index, String prompt, boolean directFirst, Direct direct, Engine pass, Engine fail) {

    /** StepCache's TTFV minus the direct call's, pass variant (ms). */
    double ttfvDiffPass() {
      return pass.ttfvMs() - direct.call().ttfvMs();
    }

    /** StepCache's TTFV minus the direct call's, fail variant (ms). */
    double ttfvDiffFail() {
      return fail.ttfvMs() - direct.call().ttfvMs();
    }

    /** The tokens generated after the failing step, as time at this repetition's decode rate (ms). */
    double tokensAfterMs() {
      return fail.cancel().tokensAfter() * direct.serverMsPerToken();
    }

    /** Tokens the cancel saved: the whole answer's minus the cancelled generation's, by the server's counter. */
    long savedTokens() {
      return direct.used().tokensPredicted() - fail.used().tokensPredicted();
    }

    /** Whether the pass variant's generation is the direct call's text (temperature 0 is deterministic). */
    boolean passSameText() {
      return pass.text().equals(direct.call().text());
    }

    /** Whether the cancelled generation is the start of the direct call's text. */
    boolean failSamePrefix() {
      return direct.call().text().startsWith(fail.text());
    }
  }
}
