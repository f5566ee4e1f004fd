/**
 * The prompts the pack sends (a full solution, or one step during repair), and the {@link
 * io.stepcache.packs.math.prompt.MathOracle} that answers them the way a perfect model would, for
 * the simulated backend.
 */
package io.stepcache.packs.math.prompt;
