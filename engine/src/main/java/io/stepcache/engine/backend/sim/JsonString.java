package io.stepcache.engine.backend.sim;

/**
 * JSON string literals for the simulator, which has no JSON library (the engine depends on the SPI
 * only): enough to read the value of a key line an oracle wrote and to write a replacement.
 */
final class JsonString {

  private JsonString() {}

  /** The text of a JSON string literal (with its quotes), or {@code null} when it is not a valid one. */
  static String unquote(String literal) {
    if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
      return null;
    }
    StringBuilder sb = new StringBuilder(literal.length());
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '"') {
        return null;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= literal.length() - 1) {
        return null;
      }
      char e = literal.charAt(i);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > literal.length() - 2 || !literal.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            return null;
          }
          sb.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> {
          return null;
        }
      }
    }
    return sb.toString();
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
