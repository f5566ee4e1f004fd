package io.stepcache.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer as the load clients see it.
 *
 * @param status HTTP status
 * @param body the body's bytes (chunked bodies already joined)
 */
public record Reply(int status, byte[] body) {

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** True when the body is a StepCache response on {@code path} (compact or spaced JSON). */
  public boolean isPath(String path) {
    // ISO-8859-1 maps bytes one to one: cheaper than UTF-8 and the same for these ASCII markers
    String t = new String(body, StandardCharsets.ISO_8859_1);
    return t.contains("\"path\":\"" + path + "\"") || t.contains("\"path\": \"" + path + "\"");
  }
}
