/**
 * Repair of failing steps: one compact continuation call to the model from the last verified step
 * (a bounded number of calls per repair), then the deterministic solver, so the final answer of a
 * linear equation is always right.
 */
package io.stepcache.packs.math.repair;
