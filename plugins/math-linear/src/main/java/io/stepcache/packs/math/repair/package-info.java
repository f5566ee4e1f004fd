/**
 * Repair of failing steps: a bounded loop of model attempts per failing step, then the
 * deterministic solver, so the final answer of a linear equation is always right.
 */
package io.stepcache.packs.math.repair;
