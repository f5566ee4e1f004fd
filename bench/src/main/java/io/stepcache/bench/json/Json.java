package io.stepcache.bench.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bench's JSON on JSON-P (Parsson at run time): a bridge between JSON-P's values and the plain
 * values the bench works with. It exists because the judges compare numbers as {@link BigDecimal}
 * and walk {@link Map}/{@link List} trees, the reports and load.json are built as insertion-ordered
 * maps throughout, and a strict judge must refuse an object that names a key twice and text after
 * the value (Parsson is otherwise RFC 8259 strict, unlike org.json's single quotes, unquoted keys and
 * trailing commas). Values: {@link Map} (insertion-ordered),
 * {@link List}, {@link String}, {@link BigDecimal}, {@link Boolean} and {@link #NULL}.
 */
public final class Json {

  /** The JSON {@code null}. */
  public static final Object NULL = JsonValue.NULL;

  private static final JsonProvider PROVIDER = JsonProvider.provider();
  /**
   * Parsson's {@code org.eclipse.parsson.api.JsonConfig.REJECT_DUPLICATE_KEYS} (Parsson is only on the
   * run-time class path): JSON-P's own {@code JsonConfig.KEY_STRATEGY} reaches readers, not a parser's
   * {@code getValue()}, and a reader does not refuse text after the value.
   */
  private static final String REJECT_DUPLICATE_KEYS = "org.eclipse.parsson.rejectDuplicateKeys";
  private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of(REJECT_DUPLICATE_KEYS, true));
  private static final JsonWriterFactory COMPACT = PROVIDER.createWriterFactory(Map.of());
  private static final JsonWriterFactory PRETTY =
      PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private Json() {}

  /** Thrown for text that is not one strict JSON value. */
  public static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Parses exactly one JSON value (whitespace around it allowed).
   *
   * @throws ParseException on anything else, including duplicate keys in an object
   */
  public static Object parse(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new ParseException("no JSON value", null);
      }
      parser.next();
      Object value = plain(parser.getValue());
      if (parser.hasNext()) {
        throw new ParseException("unexpected text after the value", null);
      }
      return value;
    } catch (JsonException | IllegalStateException e) {
      throw new ParseException(String.valueOf(e.getMessage()), e);
    }
  }

  /** The object {@code text} holds, or empty when it is not one strict JSON object. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> parseObject(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      Object v = parse(text);
      return v instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text of a value built from maps, lists, strings, numbers, booleans and null. */
  public static String write(Object value) {
    return write(COMPACT, value);
  }

  /** Indented JSON text, ending with a newline. */
  public static String pretty(Object value) {
    return write(PRETTY, value).strip() + "\n";
  }

  private static String write(JsonWriterFactory factory, Object value) {
    StringWriter out = new StringWriter();
    try (var writer = factory.createWriter(out)) {
      writer.write(json(value));
    }
    return out.toString();
  }

  private static Object plain(JsonValue v) {
    switch (v.getValueType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) v).forEach((k, e) -> map.put(k, plain(e)));
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>();
        ((JsonArray) v).forEach(e -> list.add(plain(e)));
        return list;
      case STRING:
        return ((JsonString) v).getString();
      case NUMBER:
        return ((JsonNumber) v).bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return NULL;
    }
  }

  /** A plain value as JSON-P's; a whole double as an integer, NaN and infinities as null. */
  private static JsonValue json(Object value) {
    if (value == null || value == NULL) {
      return JsonValue.NULL;
    } else if (value instanceof String s) {
      return PROVIDER.createValue(s);
    } else if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    } else if (value instanceof BigDecimal d) {
      return PROVIDER.createValue(d);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return PROVIDER.createValue((long) d);
      }
      return Double.isFinite(d) ? PROVIDER.createValue(BigDecimal.valueOf(d).stripTrailingZeros()) : JsonValue.NULL;
    } else if (value instanceof Number n) {
      return PROVIDER.createValue(n);
    } else if (value instanceof Map<?, ?> m) {
      JsonObjectBuilder b = PROVIDER.createObjectBuilder();
      m.forEach((k, v) -> b.add(String.valueOf(k), json(v)));
      return b.build();
    } else if (value instanceof Collection<?> c) {
      JsonArrayBuilder b = PROVIDER.createArrayBuilder();
      c.forEach(v -> b.add(json(v)));
      return b.build();
    }
    return PROVIDER.createValue(value.toString());
  }
}
