package io.stepcache.backend.openai;

import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI chat-completions wire format: the request body, the answer (one JSON object, or
 * server-sent events), and error bodies. Pure functions over text; {@link OpenAiBackend} does the
 * HTTP.
 */
final class ChatProtocol {

  private ChatProtocol() {}

  /** What the server answered, before token counts are completed. */
  record Answer(String text, String finishReason, Long promptTokens, Long completionTokens) {}

  /** The server's answer is not a chat completion (or reports an error inside a 200 answer). */
  static final class BadAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadAnswer(String message) {
      super(message);
    }
  }

  /**
   * The request body.
   *
   * @param withSchema send the request's JSON Schema as {@code response_format}
   */
  static String requestBody(OpenAiSettings settings, GenerationRequest request, boolean withSchema) {
    Map<String, Object> body = new LinkedHashMap<>();
    String model = request.model() != null && !request.model().isBlank() ? request.model() : settings.model();
    if (model != null) {
      body.put("model", model);
    }
    body.put("messages", List.of(ordered("role", "user", "content", request.prompt())));
    body.put("max_tokens", request.maxTokens());
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    GenerationHints hints = request.hints();
    if (withSchema && hints.responseSchemaJson() != null) {
      Object schema = schemaOrNull(hints.responseSchemaJson());
      if (schema instanceof Map) {
        body.put("response_format",
            ordered("type", "json_schema", "json_schema", ordered("name", "answer", "schema", schema)));
      }
    }
    if (settings.cacheSalt() && hints.tenant() != null) {
      body.put("cache_salt", cacheSalt(hints.tenant()));
    }
    if (settings.stream()) {
      body.put("stream", true);
      body.put("stream_options", ordered("include_usage", true));
    }
    return Json.write(body);
  }

  /** The schema as parsed JSON; {@code null} when it is not valid JSON (then no response_format is sent). */
  private static Object schemaOrNull(String json) {
    try {
      return Json.parse(json);
    } catch (Json.FormatException e) {
      return null;
    }
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** A stable per-tenant salt that does not show the tenant's name to the model server. */
  static String cacheSalt(String tenant) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(("stepcache-tenant:" + tenant).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Reads a non-streamed answer: {@code {"choices":[{"message":{"content":...},"finish_reason":...}],"usage":{...}}}. */
  static Answer parseCompletion(String body) {
    Map<String, Object> o = object(body);
    failOnError(o);
    Map<String, Object> choice = firstChoice(o);
    Object message = choice.get("message");
    if (!(message instanceof Map<?, ?> m)) {
      throw new BadAnswer("choices[0].message is missing or not an object");
    }
    Object content = m.get("content");
    if (content != null && !(content instanceof String)) {
      throw new BadAnswer("choices[0].message.content is " + Json.kind(content) + ", not a string");
    }
    Usage u = usage(o.get("usage"));
    return new Answer(content == null ? "" : (String) content, finishReason(choice), u.prompt, u.completion);
  }

  /**
   * Reads server-sent events up to {@code data: [DONE]} (or the end of the stream), joining the
   * {@code choices[0].delta.content} pieces. Usage may come in any chunk (the last one, or a
   * chunk with no choices when {@code stream_options.include_usage} is honoured).
   */
  static Answer parseStream(BufferedReader in) throws IOException {
    StringBuilder text = new StringBuilder();
    String finish = null;
    Long prompt = null;
    Long completion = null;
    boolean done = false;
    int chunks = 0;
    StringBuilder data = new StringBuilder();
    String line;
    while (!done) {
      line = in.readLine();
      if (line == null || line.isEmpty()) {
        if (data.length() > 0) {
          String event = data.toString();
          data.setLength(0);
          if (event.strip().equals("[DONE]")) {
            done = true;
          } else {
            Map<String, Object> chunk = object(event);
            failOnError(chunk);
            chunks++;
            Object choices = chunk.get("choices");
            if (choices instanceof List<?> list && !list.isEmpty()) {
              Map<String, Object> choice = asObject(list.get(0), "choices[0]");
              Object delta = choice.get("delta");
              if (delta instanceof Map<?, ?> d && d.get("content") != null) {
                if (!(d.get("content") instanceof String piece)) {
                  throw new BadAnswer("choices[0].delta.content is not a string");
                }
                text.append(piece);
              }
              String f = finishReason(choice);
              if (f != null) {
                finish = f;
              }
            } else if (choices != null && !(choices instanceof List)) {
              throw new BadAnswer("'choices' is " + Json.kind(choices) + ", not an array");
            }
            Usage u = usage(chunk.get("usage"));
            prompt = u.prompt != null ? u.prompt : prompt;
            completion = u.completion != null ? u.completion : completion;
          }
        }
        if (line == null) {
          break;
        }
        continue;
      }
      if (line.startsWith(":")) {
        continue; // comment / keep-alive
      }
      if (line.startsWith("data:")) {
        String value = line.substring(5);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(value);
      } else if (!line.startsWith("event:") && !line.startsWith("id:") && !line.startsWith("retry:")) {
        throw new BadAnswer("not a server-sent event line: " + excerpt(line));
      }
    }
    if (!done && finish == null) {
      throw new BadAnswer("the event stream ended after " + chunks + " chunks without [DONE] or a finish_reason");
    }
    return new Answer(text.toString(), finish, prompt, completion);
  }

  /**
   * The message of an error body: OpenAI's {@code {"error": {"message": ...}}}, a plain {@code
   * {"error": "..."}} / {@code {"message"|"detail": ...}}, or the start of the text.
   */
  static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try {
      Object v = Json.parse(body);
      if (v instanceof Map<?, ?> o) {
        Object e = o.get("error");
        if (e instanceof Map<?, ?> err && err.get("message") instanceof String msg) {
          return msg;
        }
        if (e instanceof String s) {
          return s;
        }
        for (String k : List.of("message", "detail")) {
          if (o.get(k) instanceof String s) {
            return s;
          }
        }
      }
    } catch (Json.FormatException ignored) {
      // not JSON: quote the text
    }
    return excerpt(body);
  }

  /** At most 200 characters of {@code text}, on one line. */
  static String excerpt(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= 200 ? t : t.substring(0, 200) + "...";
  }

  private static Map<String, Object> object(String text) {
    try {
      return Json.parseObject(text);
    } catch (Json.FormatException e) {
      throw new BadAnswer("not a JSON object (" + e.getMessage() + "): " + excerpt(text));
    }
  }

  private static void failOnError(Map<String, Object> o) {
    if (o.get("error") != null) {
      throw new BadAnswer("the backend reported an error: " + errorMessage(Json.write(o)));
    }
  }

  private static Map<String, Object> firstChoice(Map<String, Object> o) {
    Object choices = o.get("choices");
    if (!(choices instanceof List<?> list) || list.isEmpty()) {
      throw new BadAnswer("'choices' is missing or empty");
    }
    return asObject(list.get(0), "choices[0]");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object v, String what) {
    if (!(v instanceof Map)) {
      throw new BadAnswer(what + " is " + Json.kind(v) + ", not an object");
    }
    return (Map<String, Object>) v;
  }

  private static String finishReason(Map<String, Object> choice) {
    Object f = choice.get("finish_reason");
    return f instanceof String s ? s : null;
  }

  private record Usage(Long prompt, Long completion) {}

  private static Usage usage(Object u) {
    if (!(u instanceof Map<?, ?> m)) {
      return new Usage(null, null);
    }
    return new Usage(count(m.get("prompt_tokens")), count(m.get("completion_tokens")));
  }

  private static Long count(Object v) {
    if (v instanceof Number n && n.doubleValue() >= 0) {
      return n.longValue();
    }
    return null;
  }
}
