/**
 * The prompts the pack sends to the model (full extraction, whole-object repair, repair of some
 * keys) and the reader that recognises them again for the simulated model's oracle.
 */
package io.stepcache.packs.json.prompt;
