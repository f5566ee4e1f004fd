package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Truth.JsonSource;
import io.stepcache.bench.workload.Truth.JsonTruth;
import io.stepcache.packs.json.prompt.PromptReader;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.PrettyObject;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.spi.sim.ModelOracle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated model that reads the workload's JSON texts right: it knows every request's source
 * text and the values in it (from the generator's truth) and answers the json pack's full and
 * focused prompts with the true values.
 *
 * <p>Why: the json pack's own oracle finds values with patterns and itself misreads texts (the rent
 * for the year), so with it a "perfect" model makes mistakes of its own and an error profile is
 * not what it says. With this oracle first, the only wrong values are the ones the profile
 * injects. It is not used by the {@code paper} profile, which stays as calibrated.
 *
 * <p>The answer is laid out as the pack's oracle lays it out (one {@code "key": value} per line, the
 * prompt's keys in its order) so the simulator's errors apply the same way. A key is answered by
 * its concept, so every name the workload uses for a concept (the engine asks focused prompts with
 * renamed keys) gets the value; a key it does not know gets {@code null}. The value is typed by the
 * key's schema type as the truth types it ({@code "31"} for a string, {@code 31} for a number), by
 * the concept's type when the prompt gives none. Prompts that are not the json pack's, or whose text
 * is not one of the workload's, get no answer, so the pack oracles answer them.
 */
public final class TruthOracle implements ModelOracle {

  /** The facts of one source text, merged over the requests that share it. */
  private record Facts(Map<String, Object> valueByConcept, Map<String, String> conceptByKey) {}

  private final Map<String, Facts> byText;
  private final List<String> longestFirst;

  private TruthOracle(Map<String, Facts> byText) {
    this.byText = byText;
    this.longestFirst = byText.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /** An oracle for the JSON requests among {@code requests} (others are ignored). */
  public static TruthOracle of(List<BenchRequest> requests) {
    Map<String, Facts> byText = new LinkedHashMap<>();
    for (BenchRequest r : requests) {
      if (r.truth() instanceof JsonTruth t && t.source() != null) {
        JsonSource s = t.source();
        Facts f = byText.computeIfAbsent(s.text(), k -> new Facts(new LinkedHashMap<>(), new LinkedHashMap<>()));
        s.valueByConcept().forEach(f.valueByConcept()::putIfAbsent);
        s.conceptByKey().forEach(f.conceptByKey()::putIfAbsent);
      }
    }
    return new TruthOracle(byText);
  }

  /** How many distinct source texts it knows. */
  public int texts() {
    return byText.size();
  }

  @Override
  public Optional<String> answer(String prompt) {
    Optional<PromptReader.Reading> reading = PromptReader.read(prompt);
    if (reading.isEmpty()) {
      return Optional.empty();
    }
    return facts(reading.get().sourceText()).map(f -> answer(reading.get().keys(), f));
  }

  /**
   * The facts of the workload text the pack's source text is: the same text, else the longest one
   * it contains (the pack may keep quotes or punctuation around it).
   */
  private Optional<Facts> facts(String sourceText) {
    Facts exact = byText.get(sourceText.strip());
    if (exact != null) {
      return Optional.of(exact);
    }
    return longestFirst.stream().filter(sourceText::contains).findFirst().map(byText::get);
  }

  private static String answer(List<KeySpec> keys, Facts facts) {
    List<String> members = new ArrayList<>(keys.size());
    for (KeySpec key : keys) {
      String concept = facts.conceptByKey().get(key.name());
      Object value = concept == null ? null : facts.valueByConcept().get(concept);
      members.add(StrictJson.quote(key.name()) + ": " + literal(typed(value, key)));
    }
    return PrettyObject.of(members);
  }

  /** The value in the key's schema type, as the truth types it; unchanged when the prompt gives no type. */
  private static Object typed(Object value, KeySpec key) {
    if (value == null || key.types().isEmpty()) {
      return value;
    }
    if (key.allows("string")) {
      return value instanceof BigDecimal n ? n.toPlainString() : value;
    }
    if (key.numeric() && value instanceof String s) {
      return s.matches("-?\\d+(?:\\.\\d+)?") ? new BigDecimal(s) : null;
    }
    return value;
  }

  private static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    return value instanceof BigDecimal n ? n.toPlainString() : StrictJson.quote(value.toString());
  }
}
