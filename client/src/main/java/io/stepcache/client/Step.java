package io.stepcache.client;

/**
 * One step of an answer (a line of a math solution, a key of an extracted object): the unit of reuse.
 *
 * @param index its position, from 0
 * @param text its text
 * @param origin where it came from: reused from the cache, regenerated, repaired, solved or generated
 * @param verified whether it passed the pack's rules
 * @param verification how far it may be trusted
 */
public record Step(int index, String text, StepOrigin origin, boolean verified, TrustLevel verification) {}
