package io.stepcache.liberty.openai;

import io.stepcache.engine.CompletionResult;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.stream.StepStream;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code stream: true} chat completion as OpenAI streams one: a role chunk, one content chunk per verified step
 * the moment the engine has it, a finish chunk (with the {@value ChatResponses#EXTENSION} member: path,
 * verification, findings), a usage chunk when asked for, {@code data: [DONE]}.
 *
 * <p>The response is committed with the first step (or the whole answer): until then a failure is an ordinary error
 * response with its status. A failure after it is an error event ({@code data: {"error": ...}}) before {@code [DONE]},
 * as OpenAI sends one. A client that goes away abandons the stream: the model's generation is cancelled.
 */
final class OpenAiStream {

  private OpenAiStream() {}

  /** The response for {@code stream}: waits for its first step, answer or error. */
  static Response respond(StepStream stream, String id, long created, String model, boolean includeUsage,
      StepCacheMetrics metrics, String tenant, long t0) throws InterruptedException {
    StepStream.Event first = stream.next();
    StepStream.Started started = null;
    while (first instanceof StepStream.Started s) {
      started = s;
      first = stream.next();
    }
    if (first instanceof StepStream.Failed f) {
      return OpenAiErrors.of(f.error(), metrics);
    }
    StepStream.Event head = first;
    StreamingOutput body = out -> write(out, stream, head, id, created, model, includeUsage, metrics, tenant, t0);
    Response.ResponseBuilder b = Response.ok(body, "text/event-stream").header("Cache-Control", "no-cache")
        .header(ChatResponses.REQUEST_ID, id);
    if (started != null) {
      List<String> h = ChatResponses.streamHeaders(started.path().name(), started.task(), started.similarity(),
          started.entryId());
      for (int i = 0; i < h.size(); i += 2) {
        b.header(h.get(i), h.get(i + 1));
      }
    }
    return b.build();
  }

  private static void write(OutputStream out, StepStream stream, StepStream.Event head, String id, long created,
      String model, boolean includeUsage, StepCacheMetrics metrics, String tenant, long t0) throws IOException {
    StringBuilder sent = new StringBuilder();
    try {
      send(out, ChatResponses.roleChunk(id, created, model, includeUsage));
      StepStream.Event e = head;
      while (true) {
        if (e instanceof StepStream.Step step) {
          if (!step.content().isEmpty()) {
            send(out, ChatResponses.contentChunk(id, created, model, step.content(), includeUsage));
            sent.append(step.content());
          }
        } else if (e instanceof StepStream.Done done) {
          CompletionResult r = done.result();
          // what the stitcher writes after the last step (a closing brace) comes with the result
          String output = r.output();
          if (output.startsWith(sent.toString()) && output.length() > sent.length()) {
            send(out, ChatResponses.contentChunk(id, created, model, output.substring(sent.length()), includeUsage));
          }
          send(out, ChatResponses.finishChunk(id, created, model, r, includeUsage));
          if (includeUsage) {
            send(out, ChatResponses.usageChunk(id, created, model, r));
          }
          send(out, "[DONE]");
          metrics.served(r, tenant, System.nanoTime() - t0);
          return;
        } else if (e instanceof StepStream.Failed f) {
          send(out, OpenAiErrors.of(f.error(), metrics).getEntity().toString());
          send(out, "[DONE]");
          return;
        }
        e = stream.next();
      }
    } catch (IOException clientGone) {
      stream.abandon();
      throw clientGone;
    } catch (InterruptedException interrupted) {
      stream.abandon();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while streaming", interrupted);
    }
  }

  private static void send(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
