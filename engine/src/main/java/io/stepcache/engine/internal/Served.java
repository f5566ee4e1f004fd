package io.stepcache.engine.internal;

import io.stepcache.engine.CheckpointUse;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.Timings;
import io.stepcache.engine.TrustLevel;
import io.stepcache.engine.backend.Tokens;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a path ended with, before timing and usage are attached.
 *
 * @param modelText the model's own text of a MISS or SKIP (what an unverified answer without steps shows), else
 *     {@code null}
 * @param read the entry the answer was served from (REUSE, PATCH), else {@code null}
 * @param stored the entry it was stored as, else {@code null}
 */
record Served(
    RequestPath path,
    Double similarity,
    TaskRequest request,
    Signature signature,
    List<Draft> steps,
    Verification verification,
    List<StepTrust> trust,
    boolean grounded,
    CheckpointUse checkpoint,
    String modelText,
    EntryKey read,
    EntryKey stored) {

  Served(RequestPath path, Double similarity, TaskRequest request, Signature signature, List<Draft> steps,
      Verification verification, List<StepTrust> trust, boolean grounded) {
    this(path, similarity, request, signature, steps, verification, trust, grounded, null, null, null, null);
  }

  Served with(CheckpointUse use) {
    return new Served(path, similarity, request, signature, steps, verification, trust, grounded, use, modelText,
        read, stored);
  }

  /** This answer, served from {@code readKey} and stored as {@code storedKey} (either may be {@code null}). */
  Served entries(EntryKey readKey, EntryKey storedKey) {
    return new Served(path, similarity, request, signature, steps, verification, trust, grounded, checkpoint,
        modelText, readKey, storedKey);
  }

  /** This answer, generated as {@code text} by the model. */
  Served generatedAs(String text) {
    return new Served(path, similarity, request, signature, steps, verification, trust, grounded, checkpoint, text,
        read, stored);
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

  /**
   * The engine's result. An unverified answer without steps shows the model's own text (never an empty answer
   * that hides what the model said). With {@code maxTokens} the answer keeps its leading steps that fit (the
   * tokens of their texts) and says it was truncated.
   */
  CompletionResult toResult(LoadedPack pack, MeteredModel model, double latencyMs, Integer maxTokens) {
    List<String> texts = Repairer.texts(steps);
    int fit = texts.size();
    if (maxTokens != null) {
      long used = 0;
      for (int i = 0; i < texts.size(); i++) {
        used += Tokens.count(texts.get(i));
        if (used > maxTokens) {
          fit = i;
          break;
        }
      }
    }
    boolean truncated = fit < texts.size();
    List<String> kept = texts.subList(0, fit);
    List<ServedStep> served = new ArrayList<>(fit);
    for (int i = 0; i < fit; i++) {
      served.add(new ServedStep(i, texts.get(i), steps.get(i).origin(), verification.stepPassed(i), stepLevel(i)));
    }
    String output = pack.stitcher().stitch(kept, request);
    if (!verification.passed() && texts.isEmpty() && modelText != null) {
      output = modelText;
    }
    return new CompletionResult(
        output,
        truncated ? null : pack.stitcher().answerJson(texts, request, signature),
        path,
        pack.id(),
        verification.passed(),
        served,
        similarity,
        model.usage(),
        latencyMs,
        verification.messages(),
        checkpoint,
        level(),
        read == null ? null : read.id(),
        stored == null ? null : stored.id(),
        truncated,
        new Timings(model.nanos() / 1e6, StepVerifier.spentNanos() / 1e6));
  }
}
