/** Repair: one model correction with the findings, then an exact recomputation that cannot fail. */
package io.stepcache.packs.units.repair;
