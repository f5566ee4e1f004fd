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
    send(out, ChatResponses.roleChunk(id, created, model, includeUsage));
    stream.writeFrom(head, new StepStream.EventWriter() {
      @Override
      public void step(StepStream.Step step) throws IOException {
        if (!step.content().isEmpty()) {
          send(out, ChatResponses.contentChunk(id, created, model, step.content(), includeUsage));
          sent.append(step.content());
        }
      }

      @Override
      public void done(StepStream.Done done) throws IOException {
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
      }

      @Override
      public void failed(StepStream.Failed failed) throws IOException {
        send(out, OpenAiErrors.of(failed.error(), metrics).getEntity().toString());
        send(out, "[DONE]");
      }
    });
  }

  private static void send(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
