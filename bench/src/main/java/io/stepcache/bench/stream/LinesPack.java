package io.stepcache.bench.stream;

import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PackSetting;
import io.stepcache.spi.PartsTaskPack;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The streaming benchmark's task pack ({@code bench-lines}, SPI only, not shipped in the WAR): N
 * short lines as a JSON array of strings ({@link LinesTask}). Its segmenter yields each element as
 * a step ({@link JsonArrayElements}); its Drools rules ({@code stepcache/bench-lines/rules.drl})
 * pass every element that is one JSON string and, when the request carries the option {@code
 * failAt}, fail that element on purpose, so that a real model's gibberish streams as verified
 * steps and the engine's cancellation can be measured at a chosen step.
 *
 * <p>It has no repair strategy: nothing calls the model after a cancellation, so the model
 * server's counters show the cancelled generation alone. Its rules fix the steps completely
 * ({@link VerificationStrength#CHECKED}), so no confirmation calls follow a MISS either.
 */
public final class LinesPack implements PartsTaskPack {

  /** The pack's id. */
  public static final String ID = "bench-lines";

  @Override
  public PackDescriptor descriptor() {
    return new PackDescriptor(ID, "1.0.0", "N short lines as a JSON array (streaming benchmark only)", "[1.1,2.0)");
  }

  @Override
  public Optional<List<PackSetting>> settings() {
    return Optional.of(List.of());
  }

  @Override
  public List<RuleResource> rules() {
    return List.of(RuleResource.classpath(LinesPack.class, "/stepcache/bench-lines/rules.drl"));
  }

  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.CHECKED;
  }

  @Override
  public PackParts parts(PackContext context) {
    return PackParts.builder()
        .detector(request -> 0.0) // named by the benchmark, never detected
        .analyser(LinesPack::analyse)
        .segmenter((output, request) -> JsonArrayElements.of(output))
        .facts((request, signature, steps, stitched, answerJson) -> facts(request, steps))
        .prompts(LinesPack::prompt)
        .stitcher(new LinesStitcher())
        .oracle(LinesPack::oracle)
        .build();
  }

  /** The full prompt: the request's own text first (so prompts differ from their first token), then the format. */
  static String prompt(TaskRequest request) {
    int n = lines(request);
    return request.prompt() + "\nWrite exactly " + n + " short lines of lower-case words. Answer with a JSON array of "
        + n + " strings, nothing else; line i starts with \"L<i> \".";
  }

  private static Signature analyse(TaskRequest request) {
    int n = lines(request);
    int failAt = failAt(request, n);
    return new Signature("lines-" + n + (failAt < 0 ? "" : "-fail-" + failAt), Map.of(), Map.of("kind", "lines"));
  }

  private static List<Object> facts(TaskRequest request, List<String> steps) {
    int n = lines(request);
    int failAt = failAt(request, n);
    List<Object> facts = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      facts.add(new LineStep(i, steps.get(i), failAt));
    }
    facts.add(new LineCount(steps.size(), n));
    return facts;
  }

  /** A perfect model for the simulated backend (tests): {@code ["L1 line one", ...]}. */
  private static Optional<String> oracle(String prompt) {
    int at = prompt.lastIndexOf("\nWrite exactly ");
    if (at < 0) {
      return Optional.empty();
    }
    String rest = prompt.substring(at + "\nWrite exactly ".length());
    int n = Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
    return Optional.of(IntStream.rangeClosed(1, n).mapToObj(i -> "\"L" + i + " line\"")
        .collect(Collectors.joining(", ", "[", "]")));
  }

  static int lines(TaskRequest request) {
    return number(request, LinesTask.LINES)
        .orElseThrow(() -> new TaskInputException("LINES_MISSING", "Option 'lines' (a number) is required"));
  }

  private static int failAt(TaskRequest request, int lines) {
    int k = number(request, LinesTask.FAIL_AT).orElse(-1);
    if (k < -1 || k >= lines) {
      throw new TaskInputException("FAIL_AT_OUT_OF_RANGE", "Option 'failAt' must be in 0.." + (lines - 1));
    }
    return k;
  }

  private static Optional<Integer> number(TaskRequest request, String name) {
    Optional<Object> v = request.options().get(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!(v.get() instanceof BigDecimal d)) {
      throw new TaskInputException("OPTION_NOT_A_NUMBER", "Option '" + name + "' must be a number, got " + v.get());
    }
    try {
      int n = d.intValueExact();
      if (name.equals(LinesTask.LINES) && (n < 1 || n > 64)) {
        throw new TaskInputException("LINES_OUT_OF_RANGE", "Option 'lines' must be in 1..64, got " + n);
      }
      return Optional.of(n);
    } catch (ArithmeticException e) {
      throw new TaskInputException("OPTION_NOT_AN_INTEGER", "Option '" + name + "' must be an integer, got " + d);
    }
  }
}
