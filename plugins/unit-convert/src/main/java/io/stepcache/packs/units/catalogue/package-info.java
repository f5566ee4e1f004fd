/** The units the pack knows and their exact sizes (Commons Math {@code BigFraction}s). */
package io.stepcache.packs.units.catalogue;
