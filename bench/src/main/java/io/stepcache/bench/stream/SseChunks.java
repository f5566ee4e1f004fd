package io.stepcache.bench.stream;

import io.stepcache.bench.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenAI chat-completions event stream ({@code data: {...}} lines up to {@code data:
 * [DONE]}) chunk by chunk: the content piece, the finish reason and the usage of each. Fails loudly
 * on an error chunk or a line that is no event.
 */
final class SseChunks {

  /** One chunk: its content piece (or {@code null}), finish reason (or {@code null}) and completion tokens (or -1). */
  record Chunk(String content, String finishReason, long completionTokens) {}

  private final BufferedReader in;
  private boolean done;

  SseChunks(BufferedReader in) {
    this.in = in;
  }

  /** The next chunk, or {@code null} after {@code [DONE]} or the end of the stream. */
  Chunk next() throws IOException {
    StringBuilder data = new StringBuilder();
    while (!done) {
      String line = in.readLine();
      if (line == null) {
        done = true;
        break;
      }
      if (line.isEmpty()) {
        if (data.length() == 0) {
          continue;
        }
        String event = data.toString().strip();
        if (event.equals("[DONE]")) {
          done = true;
          return null;
        }
        return chunk(event);
      }
      if (line.startsWith("data:")) {
        data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
      } else if (!line.startsWith(":") && !line.startsWith("event:") && !line.startsWith("id:")) {
        throw new IOException("Not a server-sent event line: " + line);
      }
    }
    return data.length() == 0 ? null : chunk(data.toString().strip());
  }

  @SuppressWarnings("unchecked")
  private static Chunk chunk(String event) throws IOException {
    Map<String, Object> o = Json.parseObject(event)
        .orElseThrow(() -> new IOException("Not a JSON object in the event stream: " + event));
    if (o.get("error") != null) {
      throw new IOException("The server reported an error: " + Json.write(o.get("error")));
    }
    String content = null;
    String finish = null;
    if (o.get("choices") instanceof List<?> choices && !choices.isEmpty()
        && choices.get(0) instanceof Map<?, ?> choice) {
      if (choice.get("delta") instanceof Map<?, ?> delta && delta.get("content") instanceof String s) {
        content = s;
      }
      if (choice.get("finish_reason") instanceof String f) {
        finish = f;
      }
    }
    long completion = -1;
    if (o.get("usage") instanceof Map<?, ?> usage && usage.get("completion_tokens") instanceof BigDecimal n) {
      completion = n.longValueExact();
    }
    return new Chunk(content, finish, completion);
  }
}
