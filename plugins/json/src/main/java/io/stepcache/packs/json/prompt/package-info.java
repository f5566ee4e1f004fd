/**
 * The prompts the pack sends to the model (the full extraction prompt, and the focused prompt that
 * asks for some keys only) and the reader that recognises them again for the simulated model's
 * oracle.
 */
package io.stepcache.packs.json.prompt;
