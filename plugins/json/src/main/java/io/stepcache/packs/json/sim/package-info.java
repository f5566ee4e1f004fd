/**
 * The pack's oracle for the simulated backend: answers the pack's own prompts the way a perfect
 * model would, with simple deterministic patterns. Never used with a real model.
 */
package io.stepcache.packs.json.sim;
