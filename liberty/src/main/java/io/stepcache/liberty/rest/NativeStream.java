package io.stepcache.liberty.rest;

import io.stepcache.engine.CompletionResult;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.stream.StepStream;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/completions} with {@code Accept: text/event-stream}: the native answer as server-sent events,
 * each verified step the moment the engine has it.
 *
 * <ul>
 *   <li>{@code event: started}, {@code {"path", "task", "similarity", "entryId"}}: how it is served;
 *   <li>{@code event: step}, a step as in the JSON answer plus {@code content}, the text it adds to the output;
 *   <li>{@code event: done}, the whole JSON answer (as without streaming); or {@code event: error}, a problem.
 * </ul>
 *
 * The response is committed with the first step (or the whole answer): until then a failure is an ordinary
 * problem response with its status. A client that goes away abandons the stream: the model's generation is
 * cancelled.
 */
final class NativeStream {

  /** The media type. */
  static final String EVENT_STREAM = "text/event-stream";

  private NativeStream() {}

  /** The response for {@code stream}: waits for its first step, answer or error (thrown, for the mappers). */
  static Response respond(StepStream stream, Providers providers, StepCacheMetrics metrics, String tenant, long t0)
      throws InterruptedException {
    StepStream.Event first = stream.next();
    StepStream.Started started = null;
    while (first instanceof StepStream.Started s) {
      started = s;
      first = stream.next();
    }
    if (first instanceof StepStream.Failed f) {
      throw f.error();
    }
    StepStream.Started head = started;
    StepStream.Event next = first;
    StreamingOutput body = out -> write(out, stream, head, next, providers, metrics, tenant, t0);
    return Response.ok(body, EVENT_STREAM).header("Cache-Control", "no-cache").build();
  }

  private static void write(OutputStream out, StepStream stream, StepStream.Started started, StepStream.Event first,
      Providers providers, StepCacheMetrics metrics, String tenant, long t0) throws IOException {
    if (started != null) {
      JsonObjectBuilder s = Jsonp.createObjectBuilder().add("path", started.path().name())
          .add("task", started.task()).add("entryId", Jsonp.stringOrNull(started.entryId()));
      if (started.similarity() == null) {
        s.addNull("similarity");
      } else {
        s.add("similarity", started.similarity());
      }
      send(out, "started", s.build().toString());
    }
    stream.writeFrom(first, new StepStream.EventWriter() {
      @Override
      public void step(StepStream.Step step) throws IOException {
        send(out, "step", CompletionJson.step(step.step()).add("content", step.content()).build().toString());
      }

      @Override
      public void done(StepStream.Done done) throws IOException {
        CompletionResult r = done.result();
        send(out, "done", CompletionJson.toJson(r).toString());
        metrics.served(r, tenant, System.nanoTime() - t0);
      }

      @Override
      public void failed(StepStream.Failed failed) throws IOException {
        send(out, "error", problem(providers, failed.error()));
      }
    });
  }

  /** The problem body the application's exception mapper writes for {@code error} (it logs and counts it). */
  @SuppressWarnings("unchecked")
  private static String problem(Providers providers, RuntimeException error) {
    ExceptionMapper<RuntimeException> mapper =
        (ExceptionMapper<RuntimeException>) providers.getExceptionMapper(error.getClass());
    return String.valueOf(mapper.toResponse(error).getEntity());
  }

  private static void send(OutputStream out, String event, String data) throws IOException {
    out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
