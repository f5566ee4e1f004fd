package io.stepcache.testkit.countdown;

import io.stepcache.spi.Analyser;
import io.stepcache.spi.Detector;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
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
 * A toy pack for engine tests: "Count down from N" (or "Count up to N"), one number per line. Its
 * one repair strategy regenerates the whole answer once (its prompt lists the verified leading steps).
 */
public class CountdownPack implements TaskPack {

  private static final Pattern REQUEST = Pattern.compile("(?i)count (down from|up to) (\\d{1,4})");

  @Override
  public PackDescriptor descriptor() {
    return new PackDescriptor("countdown", "1.0.0", "Counting, for engine tests", "[1.1,2.0)");
  }

  @Override
  public Detector detector() {
    return r -> REQUEST.matcher(r.prompt()).find() ? 1.0 : 0.0;
  }

  @Override
  public Analyser analyser() {
    return r -> {
      Matcher m = REQUEST.matcher(r.prompt());
      if (!m.find()) {
        throw new TaskInputException("COUNT_NO_REQUEST", "Say 'count down from N' or 'count up to N'");
      }
      String kind = m.group(1).toLowerCase().startsWith("down") ? "down" : "up";
      return new Signature("count-" + kind, Map.of("n", m.group(2)), Map.of("kind", kind));
    };
  }

  @Override
  public Segmenter segmenter() {
    return (output, request) -> Arrays.stream(output.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public List<RuleResource> rules() {
    return List.of(RuleResource.classpath(CountdownPack.class, "/stepcache/countdown/countdown.drl"));
  }

  /** Checked: every number is compared with the expected count, so a passing step is right. */
  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.CHECKED;
  }

  @Override
  public FactProvider facts() {
    return (request, signature, steps, stitched, answerJson) -> {
      List<Object> facts = new ArrayList<>();
      List<String> expected = expected(signature);
      for (int i = 0; i < steps.size(); i++) {
        long want = i < expected.size() ? Long.parseLong(expected.get(i)) : -1;
        facts.add(new CountStep(i, steps.get(i), want));
      }
      facts.add(new CountOutput(steps.size(), expected.size()));
      return facts;
    };
  }

  @Override
  public List<RepairStrategy> repairStrategies() {
    return List.of(
        new RepairStrategy() {
          @Override
          public String name() {
            return "regenerate";
          }

          @Override
          public List<Draft> repair(RepairContext ctx) {
            // the prompt carries the verified leading steps, so a server holding their state can resume
            StringBuilder prompt = new StringBuilder(prompts().fullPrompt(ctx.request()));
            for (int i = 0; i < ctx.steps().size() && ctx.verification().stepPassed(i); i++) {
              prompt.append(i == 0 ? "\nSo far:\n" : "\n").append(ctx.steps().get(i).text());
            }
            String out = ctx.model().complete(prompt.toString());
            return segmenter().segment(out, ctx.request()).stream()
                .map(s -> new Draft(s, StepOrigin.REGENERATED))
                .toList();
          }
        });
  }

  @Override
  public PromptBuilder prompts() {
    return r -> "Task: " + r.prompt() + "\nWrite one number per line.";
  }

  @Override
  public Stitcher stitcher() {
    return (steps, request, signature) ->
        !steps.isEmpty() && steps.get(steps.size() - 1).matches("\\d+")
            ? "{\"last\":" + steps.get(steps.size() - 1) + "}"
            : null;
  }

  @Override
  public Optional<ModelOracle> oracle() {
    return Optional.of(
        prompt -> {
          if (!prompt.startsWith("Task: ")) {
            return Optional.empty();
          }
          Signature s = analyser().analyse(TaskRequest.of(prompt));
          return Optional.of(String.join("\n", expected(s)));
        });
  }

  private static List<String> expected(Signature s) {
    int n = Integer.parseInt(s.binding("n"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      out.add(Integer.toString("down".equals(s.feature("kind")) ? n - i : i));
    }
    return out;
  }
}
