package io.stepcache.testkit.lookup;

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
import io.stepcache.spi.verify.FactProvider;
import io.stepcache.spi.verify.RuleResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A toy <em>grounded</em> pack for the engine's trust tests: "Find the code in: TEXT" is answered
 * with one step {@code code: X}. Its rule only checks that X occurs in the text, so a wrong code
 * that does occur there (another span of the same text) passes: the pack keeps the default
 * verification strength, GROUNDED. The simulated model is scripted by each test (no oracle here).
 */
public class CodeLookupPack implements TaskPack {

  /** The pack's full prompt starts with this line. */
  public static final String PROMPT_HEADER = "Find the code.";
  private static final Pattern REQUEST = Pattern.compile("(?is)^(.*?\\bcode\\b.*?)\\bin:\\s*(.+)$");

  @Override
  public PackDescriptor descriptor() {
    return new PackDescriptor("code-lookup", "1.0.0", "Code lookup, for the engine's trust tests", "[1.1,2.0)");
  }

  @Override
  public Detector detector() {
    return r -> REQUEST.matcher(r.prompt()).find() ? 1.0 : 0.0;
  }

  /** The text a request asks about. */
  public static String text(TaskRequest request) {
    Matcher m = REQUEST.matcher(request.prompt());
    if (!m.find()) {
      throw new TaskInputException("CODE_NO_TEXT", "Say 'Find the code in: <text>'");
    }
    return m.group(2).strip();
  }

  @Override
  public Analyser analyser() {
    return new Analyser() {
      @Override
      public Signature analyse(TaskRequest r) {
        Matcher m = REQUEST.matcher(r.prompt());
        if (!m.find()) {
          throw new TaskInputException("CODE_NO_TEXT", "Say 'Find the code in: <text>'");
        }
        String instruction = m.group(1).strip().toLowerCase(Locale.ROOT);
        return new Signature("lookup|" + instruction, Map.of("text", m.group(2).strip()), Map.of("kind", "lookup"));
      }

      @Override
      public String evidence(TaskRequest request, String slot) {
        return text(request);
      }
    };
  }

  @Override
  public Segmenter segmenter() {
    return new Segmenter() {
      @Override
      public List<String> segment(String output, TaskRequest request) {
        return Arrays.stream(output.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      }

      @Override
      public String slot(String step, int index) {
        int colon = step.indexOf(':');
        return colon < 0 ? Integer.toString(index) : step.substring(0, colon).strip();
      }
    };
  }

  @Override
  public List<RuleResource> rules() {
    return List.of(RuleResource.classpath(CodeLookupPack.class, "/stepcache/lookup/lookup.drl"));
  }

  @Override
  public FactProvider facts() {
    return (request, signature, steps, stitched, answerJson) -> {
      String text = text(request);
      List<Object> facts = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        String value = steps.get(i).replaceFirst("(?i)^code:\\s*", "").strip();
        boolean inText = !value.isEmpty() && Pattern.compile("\\b" + Pattern.quote(value) + "\\b").matcher(text).find();
        facts.add(new CodeStep(i, value, inText));
      }
      return facts;
    };
  }

  @Override
  public List<RepairStrategy> repairStrategies() {
    return List.of(new RepairStrategy() {
      @Override
      public String name() {
        return "ask-again";
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
    return r -> PROMPT_HEADER + "\nText: " + text(r);
  }

  @Override
  public Stitcher stitcher() {
    return (steps, request, signature) ->
        steps.size() == 1 ? "{\"code\":\"" + steps.get(0).replaceFirst("(?i)^code:\\s*", "") + "\"}" : null;
  }
}
