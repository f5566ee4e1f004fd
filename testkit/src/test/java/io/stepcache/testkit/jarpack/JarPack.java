package io.stepcache.testkit.jarpack;

import io.stepcache.spi.Analyser;
import io.stepcache.spi.Detector;
import io.stepcache.spi.PackContext;
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
import io.stepcache.testkit.jarpacklib.Doubler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack that only ever runs from a jar built by {@code PackJarBuilder}: "Double N". What it calls
 * itself, the SPI range it asks for, whether its start fails and which DRL it ships come from
 * {@code /jarpack/pack.properties} inside the jar, so one set of classes gives every variant the
 * deployment tests need. The arithmetic comes from a class in a bundled library ({@code lib/}).
 */
public class JarPack implements TaskPack {

  private static final Pattern REQUEST = Pattern.compile("(?i)double (\\d{1,9})");

  private final Properties props = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = JarPack.class.getResourceAsStream("/jarpack/pack.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  @Override
  public PackDescriptor descriptor() {
    return new PackDescriptor(
        props.getProperty("id", "doubling"),
        props.getProperty("version", "1.0.0"),
        "Doubling, for deployment tests",
        props.getProperty("requiresSpi", "[1.0,2.0)"));
  }

  @Override
  public void start(PackContext context) {
    if (Boolean.parseBoolean(props.getProperty("failStart", "false"))) {
      throw new IllegalStateException("the licence file is missing");
    }
    if (Doubler.twice(2) != 4) { // the bundled library must be there
      throw new IllegalStateException("lib/doubler.jar is broken");
    }
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
        throw new TaskInputException("DOUBLE_NO_NUMBER", "Say 'double N'");
      }
      return new Signature("double", Map.of("n", m.group(1)), Map.of("kind", "double"));
    };
  }

  @Override
  public Segmenter segmenter() {
    return (output, request) -> Arrays.stream(output.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public List<RuleResource> rules() {
    List<RuleResource> out = new ArrayList<>();
    for (String name : props.getProperty("rules", "rules.drl").split(",")) {
      out.add(RuleResource.classpath(JarPack.class, "/jarpack/" + name.strip()));
    }
    return out;
  }

  /** Checked: the doubling is re-computed, so a passing step is right. */
  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.CHECKED;
  }

  @Override
  public FactProvider facts() {
    return (request, signature, steps, stitched, answerJson) -> {
      List<String> expected = expected(signature);
      List<Object> facts = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        facts.add(new DoubleStep(i, steps.get(i), i < expected.size() ? expected.get(i) : ""));
      }
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
            String out = ctx.model().complete(prompts().fullPrompt(ctx.request()));
            return segmenter().segment(out, ctx.request()).stream().map(s -> new Draft(s, StepOrigin.REGENERATED)).toList();
          }
        });
  }

  @Override
  public PromptBuilder prompts() {
    return r -> "Task: " + r.prompt() + "\nShow the sum, then 'Answer: <number>'.";
  }

  @Override
  public Stitcher stitcher() {
    return (steps, request, signature) -> {
      String last = steps.isEmpty() ? "" : steps.get(steps.size() - 1);
      return last.startsWith("Answer: ") ? "{\"value\":" + last.substring(8).strip() + "}" : null;
    };
  }

  @Override
  public Optional<ModelOracle> oracle() {
    return Optional.of(prompt -> {
      if (!prompt.startsWith("Task: ") || !REQUEST.matcher(prompt).find()) {
        return Optional.empty();
      }
      return Optional.of(String.join("\n", expected(analyser().analyse(TaskRequest.of(prompt)))));
    });
  }

  private static List<String> expected(Signature s) {
    long n = Long.parseLong(s.binding("n"));
    return List.of(n + " + " + n + " = " + Doubler.twice(n), "Answer: " + Doubler.twice(n));
  }
}
