package io.stepcache.backend.openai;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads untrusted JSON (what a model server sends, and the server's request bodies), at most {@link #MAX_DEPTH}
 * levels deep, and names the kind of a value for messages. JSON-P's {@code JsonReader} is not used on purpose: it
 * accepts {@code 01}, {@code {} {}} and trailing text.
 */
public final class BoundedJson {

  /**
   * Deepest nesting read from the server (and from a request's schema), as Parsson's {@code
   * maxDepth}: a value nested {@value} levels deep or more is refused, so garbage cannot exhaust
   * the stack. Parsson counts the outermost array or object as level 1.
   */
  public static final int MAX_DEPTH = 256;

  /** Parsson's setting for {@link #MAX_DEPTH} ({@code org.eclipse.parsson.api.JsonConfig.MAX_DEPTH}). */
  static final String PARSSON_MAX_DEPTH = "org.eclipse.parsson.maxDepth";

  private static final JsonParserFactory PARSERS =
      JsonProvider.provider().createParserFactory(Map.of(PARSSON_MAX_DEPTH, MAX_DEPTH));
  private BoundedJson() {}

  /** A text that is not exactly one JSON value. */
  public static final class NotJson extends Exception {
    private static final long serialVersionUID = 1L;

    NotJson(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads exactly one JSON value (whitespace around it is allowed), nested less than {@link
   * #MAX_DEPTH} levels deep.
   *
   * @throws NotJson when {@code text} is not exactly one valid JSON value, saying what is wrong
   */
  public static JsonValue parse(String text) throws NotJson {
    try (JsonParser p = PARSERS.createParser(new StringReader(text))) {
      if (!p.hasNext()) { // Parsson throws on an empty text itself
        throw new NotJson("no JSON value", null);
      }
      p.next();
      JsonValue v = p.getValue();
      if (p.hasNext()) { // Parsson throws on a second value itself; other providers may answer true
        throw new NotJson("unexpected text after the JSON value", null);
      }
      return v;
    } catch (JsonException e) { // JsonParsingException: malformed; JsonException: could not read
      throw new NotJson(e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e.getClass() != RuntimeException.class) {
        throw e; // a bug, not the input
      }
      // Parsson signals input nested deeper than its maxDepth with a plain RuntimeException
      throw new NotJson(e.getMessage(), e);
    }
  }

  /** "an object", "a string", ... for messages; "missing" for {@code null} (no such member). */
  static String kind(JsonValue v) {
    if (v == null) {
      return "missing";
    }
    return switch (v.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

}
