/**
 * Repair of failing steps. The engine calls a pack's strategies in order while the output still
 * fails verification; each strategy gets a {@link io.stepcache.spi.repair.RepairContext} with the
 * current steps, their findings, a model to call and the pack's verifier.
 */
package io.stepcache.spi.repair;
