/**
 * Understanding an extraction request: the instruction and source text of the prompt, the keys it
 * names, the JSON Schema and the keys that result ({@link io.stepcache.packs.json.request.ExtractionTask}).
 */
package io.stepcache.packs.json.request;
