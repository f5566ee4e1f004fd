package io.stepcache.engine.internal;

import io.stepcache.engine.CheckpointUse;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.TrustLevel;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;

/** The steps a path ended with, before timing and usage are attached. */
record Served(
    RequestPath path,
    Double similarity,
    TaskRequest request,
    Signature signature,
    List<Draft> steps,
    Verification verification,
    List<StepTrust> trust,
    boolean grounded,
    CheckpointUse checkpoint) {

  Served(RequestPath path, Double similarity, TaskRequest request, Signature signature, List<Draft> steps,
      Verification verification, List<StepTrust> trust, boolean grounded) {
    this(path, similarity, request, signature, steps, verification, trust, grounded, null);
  }

  Served with(CheckpointUse use) {
    return new Served(path, similarity, request, signature, steps, verification, trust, grounded, use);
  }

  /** Step {@code i}'s trust level. */
  TrustLevel stepLevel(int i) {
    if (!verification.stepPassed(i)) {
      return TrustLevel.NONE;
    }
    if (!grounded) {
      return TrustLevel.CHECKED;
    }
    return i < trust.size() && trust.get(i).reusable() ? TrustLevel.CONFIRMED : TrustLevel.GROUNDED;
  }

  /** The answer's trust level: the weakest of its steps'. */
  TrustLevel level() {
    if (!verification.passed()) {
      return TrustLevel.NONE;
    }
    if (!grounded) {
      return TrustLevel.CHECKED;
    }
    return trust.stream().allMatch(StepTrust::reusable) ? TrustLevel.CONFIRMED : TrustLevel.GROUNDED;
  }

  CompletionResult toResult(LoadedPack pack, MeteredModel model, double latencyMs) {
    List<String> texts = Repairer.texts(steps);
    List<ServedStep> served = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      served.add(new ServedStep(i, texts.get(i), steps.get(i).origin(), verification.stepPassed(i), stepLevel(i)));
    }
    return new CompletionResult(
        pack.stitcher().stitch(texts, request),
        pack.stitcher().answerJson(texts, request, signature),
        path,
        pack.id(),
        verification.passed(),
        served,
        similarity,
        model.usage(),
        latencyMs,
        verification.messages(),
        checkpoint,
        level());
  }
}
