package io.stepcache.engine.internal;

import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.ModelCall;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Drives a pack's repair strategies, in order, until the steps verify or the strategies run out.
 * Each strategy bounds its own model calls; this loop calls each strategy at most once.
 */
final class Repairer {

  private static final Logger LOG = Logger.getLogger(Repairer.class.getName());
  /** The finding of a cached step that may not be served from the cache yet. */
  static final String NOT_CONFIRMED = "STEP_NOT_CONFIRMED";

  /** Steps after repair and their verification. */
  record Outcome(List<Draft> steps, Verification verification) {}

  private final StepVerifier verifier;

  Repairer(StepVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * Runs the strategies.
   *
   * @param unconfirmed texts of cached steps that may not be served from the cache (provisional or
   *     disputed steps of a grounded pack): a {@link StepOrigin#REUSED} step with such a text keeps
   *     failing as {@code STEP_NOT_CONFIRMED} whatever the rules say, so a strategy that gives the
   *     steps back unchanged cannot serve it; the same text written by the model again is fine
   */
  Outcome repair(
      LoadedPack pack,
      TaskRequest request,
      Signature signature,
      List<Draft> steps,
      Verification verification,
      String rawOutput,
      MeteredModel model,
      Set<String> unconfirmed) {
    List<Draft> current = steps;
    Verification result = verification;
    for (RepairStrategy strategy : pack.repairStrategies()) {
      if (result.passed()) {
        break;
      }
      Context ctx = new Context(pack, request, signature, current, result, rawOutput, model);
      List<Draft> repaired = List.copyOf(strategy.repair(ctx));
      result = notConfirmed(repaired, verifier.verify(pack, request, signature, texts(repaired)), unconfirmed);
      current = repaired;
      Verification r = result;
      LOG.fine(() -> "Repair '" + strategy.name() + "' of " + pack.id() + ": " + (r.passed() ? "verified" : r.messages()));
    }
    return new Outcome(current, result);
  }

  /** {@code v} with every reused step whose text is in {@code unconfirmed} failing (unless promoted). */
  static Verification notConfirmed(List<Draft> steps, Verification v, Set<String> unconfirmed) {
    if (unconfirmed.isEmpty()) {
      return v;
    }
    Map<Integer, List<Finding>> failures = new TreeMap<>(v.stepFailures());
    for (int i = 0; i < steps.size(); i++) {
      Draft d = steps.get(i);
      if (d.origin() == StepOrigin.REUSED && unconfirmed.contains(d.text()) && v.stepPassed(i) && !v.stepPromoted(i)) {
        failures.put(i, List.of(new Finding(NOT_CONFIRMED, "Cached step " + (i + 1)
            + " is not confirmed (provisional, or contradicted by an independent generation): it is asked for"
            + " again, not served from the cache")));
      }
    }
    return failures.size() == v.stepFailures().size()
        ? v
        : new Verification(failures, v.outputFailures(), v.promotedSteps());
  }

  static List<String> texts(List<Draft> drafts) {
    return drafts.stream().map(Draft::text).toList();
  }

  private final class Context implements RepairContext {
    private final LoadedPack pack;
    private final TaskRequest request;
    private final Signature signature;
    private final List<Draft> steps;
    private final Verification verification;
    private final String rawOutput;
    private final MeteredModel model;

    Context(
        LoadedPack pack,
        TaskRequest request,
        Signature signature,
        List<Draft> steps,
        Verification verification,
        String rawOutput,
        MeteredModel model) {
      this.pack = pack;
      this.request = request;
      this.signature = signature;
      this.steps = steps;
      this.verification = verification;
      this.rawOutput = rawOutput;
      this.model = model;
    }

    @Override
    public TaskRequest request() {
      return request;
    }

    @Override
    public Signature signature() {
      return signature;
    }

    @Override
    public List<Draft> steps() {
      return steps;
    }

    @Override
    public Verification verification() {
      return verification;
    }

    @Override
    public String rawOutput() {
      return rawOutput;
    }

    @Override
    public ModelCall model() {
      return model;
    }

    @Override
    public Verification verify(List<String> candidate) {
      return verifier.verify(pack, request, signature, candidate);
    }
  }
}
