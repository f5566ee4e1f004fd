package io.stepcache.bench.stream;

import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.TextSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend for tests that streams a fixed answer in fixed pieces and records what the engine did
 * with them: which piece was being handled when each step reached the StepSink, the piece its sink
 * refused, how many pieces it was offered. Not a model: the answer is the test's.
 */
final class ScriptedBackend implements Backend {

  private final List<String> pieces;
  final List<GenerationRequest> requests = new ArrayList<>();
  /** How many pieces the engine's sink was offered in the last stream. */
  int offered;
  /** The index of the piece the sink refused in the last stream, or -1. */
  int refusedAt = -1;
  /** The piece being handled when a step reached the StepSink, per step ({@link #stepArrived}). */
  final List<Integer> pieceOfStep = new ArrayList<>();

  ScriptedBackend(List<String> pieces) {
    this.pieces = List.copyOf(pieces);
  }

  /** For the test's StepSink: a step arrived now. */
  void stepArrived() {
    pieceOfStep.add(offered - 1);
  }

  @Override
  public Generation generate(GenerationRequest request) {
    requests.add(request);
    String text = String.join("", pieces);
    return new Generation(text, 10, pieces.size(), false);
  }

  @Override
  public Generation stream(GenerationRequest request, TextSink sink) {
    requests.add(request);
    offered = 0;
    refusedAt = -1;
    StringBuilder text = new StringBuilder();
    for (String piece : pieces) {
      offered++;
      text.append(piece);
      if (!sink.accept(piece)) {
        refusedAt = offered - 1;
        break;
      }
    }
    return new Generation(text.toString(), 10, offered, false);
  }

  @Override
  public String name() {
    return "scripted";
  }
}
