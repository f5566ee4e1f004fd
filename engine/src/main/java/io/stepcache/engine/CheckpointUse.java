package io.stepcache.engine;

/**
 * What a PATCH shared with the cached answer it patched (docs/architecture.md, "Step checkpoints").
 *
 * @param sharedSteps leading steps that were verified and identical to the cached answer's text
 *     (the overlap depth, in steps)
 * @param depthTokens the same prefix in tokens (the overlap depth the planner learns from)
 * @param resumedSteps steps covered by the deepest checkpoint of the entry within the prefix (0:
 *     none)
 * @param resumedTokens those steps in tokens; {@code depthTokens - resumedTokens} is what a
 *     resuming server re-prefills
 */
public record CheckpointUse(int sharedSteps, int depthTokens, int resumedSteps, int resumedTokens) {

  /** Tokens of the shared prefix that a resuming server must prefill again. */
  public int reprefillTokens() {
    return depthTokens - resumedTokens;
  }
}
