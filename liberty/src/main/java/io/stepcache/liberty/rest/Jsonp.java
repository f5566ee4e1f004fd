package io.stepcache.liberty.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json}'s static factories look the
 * provider up on every call (a service-loader scan of the application's class loaders): 17 % of the
 * server's CPU samples on the REUSE path before this class existed.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  /** {@code s} as a JSON string, or JSON {@code null} for {@code null}. */
  public static JsonValue stringOrNull(String s) {
    return s == null ? JsonValue.NULL : PROVIDER.createValue(s);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }
}
