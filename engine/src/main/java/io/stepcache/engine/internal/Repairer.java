package io.stepcache.engine.internal;

import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.ModelCall;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.Verification;
import java.util.List;
import java.util.logging.Logger;

/**
 * Drives a pack's repair strategies, in order, until the steps verify or the strategies run out.
 * Each strategy bounds its own model calls; this loop calls each strategy at most once.
 */
final class Repairer {

  private static final Logger LOG = Logger.getLogger(Repairer.class.getName());

  /** Steps after repair and their verification. */
  record Outcome(List<Draft> steps, Verification verification) {}

  private final StepVerifier verifier;

  Repairer(StepVerifier verifier) {
    this.verifier = verifier;
  }

  Outcome repair(
      LoadedPack pack,
      TaskRequest request,
      Signature signature,
      List<Draft> steps,
      Verification verification,
      String rawOutput,
      MeteredModel model) {
    List<Draft> current = steps;
    Verification result = verification;
    for (RepairStrategy strategy : pack.repairStrategies()) {
      if (result.passed()) {
        break;
      }
      Context ctx = new Context(pack, request, signature, current, result, rawOutput, model);
      List<Draft> repaired = List.copyOf(strategy.repair(ctx));
      result = verifier.verify(pack, request, signature, texts(repaired));
      current = repaired;
      Verification r = result;
      LOG.fine(() -> "Repair '" + strategy.name() + "' of " + pack.id() + ": " + (r.passed() ? "verified" : r.messages()));
    }
    return new Outcome(current, result);
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
