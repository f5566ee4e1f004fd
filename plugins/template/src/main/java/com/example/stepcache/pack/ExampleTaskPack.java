package com.example.stepcache.pack;

import io.stepcache.spi.Analyser;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PackSetting;
import io.stepcache.spi.PartsTaskPack;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example pack: "Add 2 and 3" answered in two steps, {@code 2 + 3 = 5} and {@code Answer: 5}.
 * Every piece a pack contributes is here, each as small as it can be. Replace them one by one.
 *
 * <p>The pack keeps no state: the server reads its descriptor, settings, rules and verification
 * strength, then asks {@link #parts(PackContext)} once for everything it serves requests with, built
 * from the pack's settings.
 */
public final class ExampleTaskPack implements PartsTaskPack {

  /** TODO: your pack id (lower case, digits, dashes); clients name it in "task". */
  static final String ID = "example-sum";

  private static final Pattern REQUEST = Pattern.compile("(?i)add\\s+(-?\\d{1,9})\\s+and\\s+(-?\\d{1,9})");

  @Override
  public PackDescriptor descriptor() {
    return new PackDescriptor(ID, "1.0.0", "Adds two integers (the pack template)", "[1.1,2.0)");
  }

  /** No settings yet; declare yours here so that a typo in one rejects the pack with a clear message. */
  @Override
  public Optional<List<PackSetting>> settings() {
    return Optional.of(List.of());
  }

  /** The DRL files that verify steps; they live in the jar. */
  @Override
  public List<RuleResource> rules() {
    return List.of(RuleResource.classpath(ExampleTaskPack.class, "/stepcache/example-sum/rules.drl"));
  }

  /** Checked: the sum is re-computed, so a passing step is right (a pack whose rules only check plausibility keeps the default, GROUNDED). */
  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.CHECKED;
  }

  /**
   * Everything the pack serves requests with, built once from its settings ({@code
   * context.config()}, {@code context.intConfig(...)}: {@code stepcache.pack.example-sum.*} on the
   * server). Throwing here (a bad setting, a missing resource) rejects the pack with your message.
   */
  @Override
  public PackParts parts(PackContext context) {
    Analyser analyser = ExampleTaskPack::analyse;
    return PackParts.builder()
        // claims prompts when the client names no task: 0 (not mine) to 1 (certainly mine)
        .detector(request -> REQUEST.matcher(request.prompt()).find() ? 0.8 : 0.0)
        // the request's shape (structure key) and the values that vary (bindings)
        .analyser(analyser)
        // the answer's steps: one per line
        .segmenter((output, request) -> Arrays.stream(output.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        // the facts the rules match on: here, each step with the text it should have
        .facts((request, signature, steps, stitched, answerJson) -> {
          List<String> expected = expected(signature);
          List<Object> facts = new ArrayList<>();
          for (int i = 0; i < steps.size(); i++) {
            facts.add(new SumStep(i, steps.get(i), i < expected.size() ? expected.get(i) : "(no such step)"));
          }
          return facts;
        })
        // how failing steps are repaired: here, by computing them (no model call, cannot fail)
        .repairStrategies(List.of(new Recompute()))
        // the prompt for a full generation; it asks for the format the segmenter expects
        .prompts(request -> "Add two integers. Write the sum as 'a + b = c', then 'Answer: c'.\nRequest: " + request.prompt())
        // the final answer, as JSON, read from the steps
        .stitcher((steps, request, signature) -> {
          String last = steps.isEmpty() ? "" : steps.get(steps.size() - 1);
          return last.matches("Answer: -?\\d+") ? "{\"sum\":" + last.substring("Answer: ".length()) + "}" : null;
        })
        // a perfect model for the simulated backend (tests, benchmarks); real deployments never call it
        .oracle(prompt -> {
          int at = prompt.indexOf("Request: ");
          if (!prompt.startsWith("Add two integers.") || at < 0) {
            return Optional.empty();
          }
          Signature s = analyser.analyse(TaskRequest.of(prompt.substring(at + "Request: ".length())));
          return Optional.of(String.join("\n", expected(s)));
        })
        .build();
  }

  /**
   * Requests with the same structure key reuse each other's steps, re-instantiated with their own
   * bindings.
   */
  private static Signature analyse(TaskRequest request) {
    Matcher m = REQUEST.matcher(request.prompt());
    if (!m.find()) {
      throw new TaskInputException("SUM_NO_REQUEST", "Ask like this: 'Add 2 and 3'");
    }
    return new Signature("add a and b", Map.of("a", m.group(1), "b", m.group(2)), Map.of("kind", "sum"));
  }

  private static List<String> expected(Signature s) {
    long a = Long.parseLong(s.binding("a"));
    long b = Long.parseLong(s.binding("b"));
    return List.of(a + " + " + b + " = " + (a + b), "Answer: " + (a + b));
  }

  /** The repair: the right steps, computed. */
  private static final class Recompute implements RepairStrategy {
    @Override
    public String name() {
      return "example-sum-recompute";
    }

    @Override
    public List<Draft> repair(RepairContext ctx) {
      return expected(ctx.signature()).stream().map(s -> new Draft(s, StepOrigin.SOLVED)).toList();
    }
  }
}
