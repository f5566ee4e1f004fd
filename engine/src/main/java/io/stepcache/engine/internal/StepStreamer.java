package io.stepcache.engine.internal;

import io.stepcache.engine.TrustLevel;
import io.stepcache.engine.backend.TextSink;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies a generation step by step while it streams in: after each piece of text the pack segments what has
 * arrived; every step followed by another is complete, and is verified with the steps before it. A step that
 * passes is sent at once ({@link Emitter}); the first that fails cancels the generation (no more tokens are paid
 * for) and is kept, with the steps before it, for the repair.
 *
 * <p>Only steps whose segmentation no longer changes are sent: when a later piece makes the pack segment an
 * already sent step differently, nothing more is sent from the stream (the rest follows the verified result).
 */
final class StepStreamer implements TextSink {

  private static final Logger LOG = Logger.getLogger(StepStreamer.class.getName());

  private final LoadedPack pack;
  private final TaskRequest request;
  private final Signature signature;
  private final StepVerifier verifier;
  private final Emitter emitter;
  private final TrustLevel level;
  private final StringBuilder text = new StringBuilder();
  private final List<String> passed = new ArrayList<>();
  private List<String> atCancel;
  private boolean stable = true;
  private boolean abandoned;

  /** @param level the trust level of a fresh step that passes the rules ({@code CHECKED} or {@code GROUNDED}) */
  StepStreamer(LoadedPack pack, TaskRequest request, Signature signature, StepVerifier verifier, Emitter emitter,
      TrustLevel level) {
    this.pack = pack;
    this.request = request;
    this.signature = signature;
    this.verifier = verifier;
    this.emitter = emitter;
    this.level = level;
  }

  @Override
  public boolean accept(String delta) {
    if (emitter.abandoned()) {
      abandoned = true;
      return false;
    }
    text.append(delta);
    if (!stable) {
      return true;
    }
    List<String> steps = segmentSoFar();
    for (int j = 0; j < passed.size(); j++) {
      if (j >= steps.size() || !steps.get(j).equals(passed.get(j))) {
        stable = false;
        return true;
      }
    }
    for (int i = passed.size(); i < steps.size() - 1; i++) {
      Verification v = verifier.verify(pack, request, signature, steps.subList(0, i + 1));
      if (!v.stepPassed(i)) {
        atCancel = List.copyOf(steps.subList(0, i + 1));
        return false;
      }
      passed.add(steps.get(i));
      emitter.send(steps.get(i), StepOrigin.GENERATED, level);
    }
    return true;
  }

  /**
   * The steps up to and including the one that failed when the stream was cancelled; {@code null} when it ran to
   * its end.
   */
  List<String> stepsAtCancel() {
    return atCancel;
  }

  /** Whether the stream was cancelled because its client went away. */
  boolean abandoned() {
    return abandoned;
  }

  /** The pack's steps of the text so far; none while a partial text does not segment yet. */
  private List<String> segmentSoFar() {
    try {
      return pack.segmenter().segment(text.toString(), request);
    } catch (RuntimeException partial) {
      // a partial answer may not segment (an open JSON object); the whole one is segmented again, uncaught
      LOG.log(Level.FINEST, "Partial answer does not segment yet", partial);
      return List.of();
    }
  }
}
