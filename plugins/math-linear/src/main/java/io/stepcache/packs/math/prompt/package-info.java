/**
 * The prompts the pack sends (the full solution for MISS and SKIP, and the compact {@link
 * io.stepcache.packs.math.prompt.ContinuationPrompt} for the remaining steps during repair), and
 * the {@link io.stepcache.packs.math.prompt.MathOracle} that answers them the way a perfect model
 * would, for the simulated backend.
 */
package io.stepcache.packs.math.prompt;
