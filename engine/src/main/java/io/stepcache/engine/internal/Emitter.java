package io.stepcache.engine.internal;

import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepSink;
import io.stepcache.engine.TrustLevel;
import io.stepcache.engine.backend.Tokens;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands one request's verified steps to its {@link StepSink} as they become final, and remembers what it sent: a
 * step once sent is part of the answer (the repair after it may not change it; {@link #keepSent}). Steps beyond the
 * request's {@code maxTokens} are not sent (the result is cut the same way). Without a sink every call does nothing.
 */
final class Emitter {

  private final StepSink sink;
  private final LoadedPack pack;
  private final TaskRequest request;
  private final Integer maxTokens;
  private final List<String> sent = new ArrayList<>();
  private final List<Draft> sentDrafts = new ArrayList<>();
  private boolean started;
  private boolean full;
  private long tokens;
  private int cursor;

  /** @param sink {@code null}: nothing is streamed */
  Emitter(StepSink sink, LoadedPack pack, TaskRequest request, Integer maxTokens) {
    this.sink = sink;
    this.pack = pack;
    this.request = request;
    this.maxTokens = maxTokens;
  }

  /** Whether anything is streamed. */
  boolean active() {
    return sink != null;
  }

  /** The path is known. */
  void start(RequestPath path, Double similarity, EntryKey read) {
    if (sink != null && !started) {
      started = true;
      sink.started(path, pack.id(), similarity, read == null ? null : read.id());
    }
  }

  /** Whether the sink no longer wants the answer (its client went away). */
  boolean abandoned() {
    return sink != null && !sink.wanted();
  }

  /** How many steps were sent. */
  int sent() {
    return sent.size();
  }

  /** Sends the next step (unless it no longer fits {@code maxTokens}). */
  void send(String text, StepOrigin origin, TrustLevel level) {
    if (sink == null || full) {
      return;
    }
    tokens += Tokens.count(text);
    if (maxTokens != null && tokens > maxTokens) {
      full = true;
      return;
    }
    int index = sent.size();
    sent.add(text);
    sentDrafts.add(new Draft(text, origin));
    String stitched = pack.stitcher().stitch(sent, request);
    int at = stitched.indexOf(text, cursor);
    int end = at < 0 ? stitched.length() : at + text.length();
    String content = end > cursor ? stitched.substring(cursor, end) : "";
    cursor = Math.max(cursor, end);
    sink.step(new ServedStep(index, text, origin, true, level), content);
  }

  /** Sends the steps of the final answer not sent yet, with their trust levels. */
  void finish(Served served) {
    if (sink == null) {
      return;
    }
    start(served.path(), served.similarity(), served.read());
    List<String> texts = Repairer.texts(served.steps());
    for (int i = sent.size(); i < texts.size() && !full; i++) {
      if (!served.verification().stepPassed(i)) {
        return; // an unverified step is never streamed; the result says what failed
      }
      send(texts.get(i), served.steps().get(i).origin(), served.stepLevel(i));
    }
  }

  /**
   * The outcome of a repair that follows sent steps, so that the answer starts with them: itself when it does, else
   * the sent steps followed by the outcome's steps after them, verified again (a repair that rewrote a sent step
   * cannot take it back).
   */
  Repairer.Outcome keepSent(Repairer.Outcome outcome, StepVerifier verifier, Signature signature) {
    List<String> texts = Repairer.texts(outcome.steps());
    if (sent.isEmpty() || (texts.size() >= sent.size() && texts.subList(0, sent.size()).equals(sent))) {
      return outcome;
    }
    List<Draft> spliced = new ArrayList<>(sentDrafts);
    if (outcome.steps().size() > sent.size()) {
      spliced.addAll(outcome.steps().subList(sent.size(), outcome.steps().size()));
    }
    Verification v = verifier.verify(pack, request, signature, Repairer.texts(spliced));
    return new Repairer.Outcome(spliced, v);
  }
}
