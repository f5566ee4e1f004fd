package io.stepcache.packs.json.repair;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.ModelCall;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A hand-written repair context: a scripted model that records its prompts, a scripted verifier. */
final class FakeRepairContext implements RepairContext {

  final List<String> prompts = new ArrayList<>();
  private final TaskRequest request;
  private final List<Draft> steps;
  private final Verification verification;
  private final Function<String, String> model;
  private final Function<List<String>, Verification> verifier;
  private final String rawOutput;

  /** A PATCH-path context: the steps came from the cache (no raw output). */
  FakeRepairContext(
      TaskRequest request,
      List<Draft> steps,
      Verification verification,
      Function<String, String> model,
      Function<List<String>, Verification> verifier) {
    this(request, steps, verification, model, verifier, null);
  }

  /** @param rawOutput the full generation's text (MISS/SKIP path), or {@code null} (PATCH path) */
  FakeRepairContext(
      TaskRequest request,
      List<Draft> steps,
      Verification verification,
      Function<String, String> model,
      Function<List<String>, Verification> verifier,
      String rawOutput) {
    this.request = request;
    this.steps = steps;
    this.verification = verification;
    this.model = model;
    this.verifier = verifier;
    this.rawOutput = rawOutput;
  }

  @Override
  public TaskRequest request() {
    return request;
  }

  @Override
  public Signature signature() {
    return new Signature("s", Map.of(), Map.of());
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
    return prompt -> {
      prompts.add(prompt);
      return model.apply(prompt);
    };
  }

  @Override
  public Verification verify(List<String> candidate) {
    return verifier.apply(candidate);
  }
}
