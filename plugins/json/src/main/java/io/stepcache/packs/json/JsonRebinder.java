package io.stepcache.packs.json;

import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;

/**
 * Keeps every step under its literal key: a cached {@code "city": "Montreal"} is only ever reused
 * as {@code city}.
 *
 * <p>Following key positions instead ({@code {{k1}}} = the second key) looks attractive for a
 * renamed key ({@code age} to {@code years}) but cannot be told apart from a replaced one ({@code
 * city} to {@code author}), and the rules can only check that a value occurs in the source text,
 * not which key it belongs to: position rebinding served {@code "author": "Montreal"} as verified.
 * With literal keys a step whose key the new request does not name fails {@code
 * JSON_KEY_NOT_REQUESTED} and is dropped, and the keys the request adds are asked for by the
 * one-shot repair: a rename costs one small model call instead of risking a wrong answer.
 */
final class JsonRebinder implements Rebinder {

  @Override
  public String abstractStep(String stepText, Signature signature) {
    return stepText;
  }

  @Override
  public String instantiate(String template, Signature signature) {
    return template;
  }
}
