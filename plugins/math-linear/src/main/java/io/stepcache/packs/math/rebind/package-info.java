/**
 * The expression-aware rebinder: a stored step names, for each of its numbers, the one expression
 * over the request's bindings that produced it ({@code {{c-b}}}, {@code {{(c-b)/a}}}), so a cached
 * step follows new constants and a renamed unknown.
 */
package io.stepcache.packs.math.rebind;
