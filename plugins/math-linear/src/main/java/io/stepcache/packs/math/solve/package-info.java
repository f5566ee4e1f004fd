/**
 * The deterministic solver: the solution of a linear equation (Apache Commons Math) and the
 * canonical step lines that lead to it. It is what repair falls back to when model attempts run
 * out, so it cannot fail on a non-degenerate linear equation.
 */
package io.stepcache.packs.math.solve;
