/**
 * Earned trust for packs whose rules only show a step plausible ({@link
 * io.stepcache.spi.verify.VerificationStrength#GROUNDED}): the settings of confirmation and audits,
 * the worker that runs them off the request path, and their counters. README "Trust".
 *
 * <p>A new step of a grounded pack is provisional: served for the request that produced it, never
 * reused until an independent generation agrees with it (or the pack's rules determine it). A
 * sampled share of REUSEs is audited against a fresh generation; a disagreement demotes the step
 * in every variant that carries it.
 */
package io.stepcache.engine.trust;
