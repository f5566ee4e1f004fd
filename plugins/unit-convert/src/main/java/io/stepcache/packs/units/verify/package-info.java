/** The facts the pack's Drools rules match on ({@code stepcache/unit-convert/*.drl}). */
package io.stepcache.packs.units.verify;
