/**
 * Re-grounding of cached values: a value step is stored with the text just around its value in
 * the cached request's source text ({@link io.stepcache.packs.json.rebind.AnchoredValue}), and on
 * reuse the value is read again from the new source text between the same anchors, only when that
 * is unambiguous, uncued and the new value has the old one's JSON type and shape. A value that
 * cannot be anchored is bound to its source text ({@link io.stepcache.packs.json.rebind.SourceBound}).
 * Anything else is unresolved, never the literal cached value.
 */
package io.stepcache.packs.json.rebind;
