/**
 * The expression-aware rebinder: a stored step names, for each of its numbers, the expression over
 * the request's bindings that produced it ({@code {{c-b}}}, {@code {{(c-b)/a}}}; for skeleton keys
 * also over the coefficients of the expanded equation), chosen by what the step means when several
 * expressions fit, so a cached step follows new constants, a coefficient that changes sign and a
 * renamed unknown.
 */
package io.stepcache.packs.math.rebind;
