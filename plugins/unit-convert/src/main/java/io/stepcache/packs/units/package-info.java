/**
 * The {@code unit-convert} task pack: converts a quantity between units of one dimension in three
 * steps (factor, product, answer) that its Drools rules check against exact arithmetic. Built as a
 * self-contained jar (Commons Math nested under {@code lib/}) to be hot-deployed.
 */
package io.stepcache.packs.units;
