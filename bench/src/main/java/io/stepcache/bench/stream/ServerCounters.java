package io.stepcache.bench.stream;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * llama-server's own counters ({@code GET /metrics}, Prometheus text; the server must run with
 * {@code --metrics}) at one moment: generated tokens, the time spent generating them, and prompt
 * tokens taken from its cache. A cancelled generation counts too: the server adds a slot's tokens
 * when it releases the slot, for whatever reason.
 *
 * @param tokensPredicted {@code llamacpp:tokens_predicted_total}
 * @param predictSeconds {@code llamacpp:tokens_predicted_seconds_total}
 * @param promptTokens {@code llamacpp:prompt_tokens_total}
 * @param promptTokensCached {@code llamacpp:prompt_tokens_cached_total}
 */
record ServerCounters(long tokensPredicted, double predictSeconds, long promptTokens, long promptTokensCached) {

  /** The difference {@code this - before}. */
  ServerCounters minus(ServerCounters before) {
    return new ServerCounters(tokensPredicted - before.tokensPredicted, predictSeconds - before.predictSeconds,
        promptTokens - before.promptTokens, promptTokensCached - before.promptTokensCached);
  }

  /**
   * Reads the counters from {@code /metrics} text.
   *
   * @throws IOException when one is missing, or printed with fewer digits than it has (llama-server
   *     prints values with 6 significant digits: a token counter of a million or more has lost its
   *     last digits; restart the server)
   */
  static ServerCounters parse(String metrics) throws IOException {
    Map<String, String> values = new HashMap<>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("llamacpp:")) {
        int sp = line.lastIndexOf(' ');
        if (sp > 0) {
          values.put(line.substring("llamacpp:".length(), sp).strip(), line.substring(sp + 1).strip());
        }
      }
    }
    return new ServerCounters(count(values, "tokens_predicted_total"), seconds(values, "tokens_predicted_seconds_total"),
        count(values, "prompt_tokens_total"), count(values, "prompt_tokens_cached_total"));
  }

  private static String value(Map<String, String> values, String name) throws IOException {
    String v = values.get(name);
    if (v == null) {
      throw new IOException("llama-server's /metrics has no llamacpp:" + name);
    }
    return v;
  }

  private static long count(Map<String, String> values, String name) throws IOException {
    String v = value(values, name);
    if (v.contains("e") || v.contains("E")) {
      throw new IOException("llamacpp:" + name + " = " + v + " is printed with too few digits to count tokens "
          + "exactly (llama-server prints 6 significant digits); restart llama-server");
    }
    try {
      return Math.round(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      throw new IOException("llamacpp:" + name + " is no number: " + v, e);
    }
  }

  private static double seconds(Map<String, String> values, String name) throws IOException {
    String v = value(values, name);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IOException("llamacpp:" + name + " is no number: " + v, e);
    }
  }
}
