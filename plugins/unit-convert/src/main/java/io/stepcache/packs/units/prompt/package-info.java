/** Prompts for the model, and the simulated model's oracle. */
package io.stepcache.packs.units.prompt;
