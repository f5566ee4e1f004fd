/**
 * Re-grounding of cached values: a value step is stored with the text just around its value in
 * the cached request's source text ({@link io.stepcache.packs.json.rebind.AnchoredValue}), and on
 * reuse the value is read again from the new source text between the same anchors, only when that
 * is unambiguous and the new value has the old one's JSON type and shape.
 */
package io.stepcache.packs.json.rebind;
