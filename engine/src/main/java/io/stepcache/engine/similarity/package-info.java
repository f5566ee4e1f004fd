/**
 * Neighbour search within one tenant and pack: which cached structure key is most like a new
 * request's. Exact structure-key hits never get here; this finds near shapes for the guard and the
 * verifier to judge.
 */
package io.stepcache.engine.similarity;
