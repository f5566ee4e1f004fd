/**
 * Verification: the DRL rule resources a pack ships, the facts its rules match on, and the
 * {@link io.stepcache.spi.verify.Verdicts} global through which rules report failures.
 *
 * <p>Every pack DRL declares {@code global io.stepcache.spi.verify.Verdicts verdicts;}. Rules are
 * evaluated in three situations: the <em>guard</em> (facts: {@link
 * io.stepcache.spi.verify.SignatureChange} plus the pack's guard facts), and <em>verification</em>
 * of a step list (the pack's step and output facts plus one {@link
 * io.stepcache.spi.verify.StepFact} per step and one {@link io.stepcache.spi.verify.OutputFact}).
 */
package io.stepcache.spi.verify;
