/**
 * The {@code json} task pack: extraction of a JSON object from a source text, checked against the
 * requested keys, the source text and an optional JSON Schema. {@link
 * io.stepcache.packs.json.JsonTaskPack} is the entry point; one step is one top-level key.
 */
package io.stepcache.packs.json;
