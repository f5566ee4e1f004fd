package io.stepcache.liberty.stream;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.StepSink;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One streamed request: the engine serves it on a worker ({@link StepCacheEngine#stream}) and each thing it reports
 * becomes an {@link Event}, which the request's thread takes in order and writes to the client. {@link #abandon()}
 * (the client went away) makes the engine cancel the model's generation.
 */
public final class StepStream implements StepSink {

  /** What the engine reported. */
  public sealed interface Event permits Started, Step, Done, Failed {}

  /** The path is known. */
  public record Started(RequestPath path, String task, Double similarity, String entryId) implements Event {}

  /** A verified step and the text it adds to the answer. */
  public record Step(ServedStep step, String content) implements Event {}

  /** The whole answer; the last event. */
  public record Done(CompletionResult result) implements Event {}

  /** The request failed; the last event. */
  public record Failed(RuntimeException error) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile boolean abandoned;

  private StepStream() {}

  /** Starts serving {@code request} on {@code workers}. */
  public static StepStream start(Executor workers, StepCacheEngine engine, CompletionRequest request) {
    StepStream stream = new StepStream();
    workers.execute(() -> {
      Event last;
      try {
        last = new Done(engine.stream(request, stream));
      } catch (RuntimeException e) {
        last = new Failed(e);
      }
      stream.events.add(last);
    });
    return stream;
  }

  /** The next event, waiting for it. */
  public Event next() throws InterruptedException {
    return events.take();
  }

  /** Writes a stream's events in a door's format. */
  public interface EventWriter {
    void step(Step step) throws IOException;

    void done(Done done) throws IOException;

    void failed(Failed failed) throws IOException;
  }

  /**
   * Writes {@code first} and every event after it until the last one; a client that goes away (an {@link
   * IOException} from the writer) or an interrupted wait abandons the stream, which cancels the model's generation.
   */
  public void writeFrom(Event first, EventWriter writer) throws IOException {
    try {
      Event e = first;
      while (true) {
        if (e instanceof Step step) {
          writer.step(step);
        } else if (e instanceof Done done) {
          writer.done(done);
          return;
        } else if (e instanceof Failed failed) {
          writer.failed(failed);
          return;
        }
        e = next();
      }
    } catch (IOException clientGone) {
      abandon();
      throw clientGone;
    } catch (InterruptedException interrupted) {
      abandon();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while streaming", interrupted);
    }
  }

  /** The client went away: the engine stops the generation at the next piece of text. */
  public void abandon() {
    abandoned = true;
  }

  @Override
  public void started(RequestPath path, String task, Double similarity, String entryId) {
    events.add(new Started(path, task, similarity, entryId));
  }

  @Override
  public void step(ServedStep step, String content) {
    events.add(new Step(step, content));
  }

  @Override
  public boolean wanted() {
    return !abandoned;
  }
}
