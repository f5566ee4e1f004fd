package io.stepcache.packs.json;

import io.stepcache.packs.json.repair.FocusedKeyRepair;
import io.stepcache.packs.json.repair.FreshGeneration;
import io.stepcache.packs.json.sim.JsonOracle;
import io.stepcache.packs.json.verify.JsonFactProvider;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PackSetting;
import io.stepcache.spi.PartsTaskPack;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.List;
import java.util.Optional;

/**
 * The {@code json} task pack: extracts a JSON object from a source text, one step per top-level
 * key. Keys come from the request's required keys, its JSON Schema (draft 4/6/7) and the prompt.
 * Cached steps keep their literal keys; a cached value is read again from the new source text by
 * its context in the cached one when that is unambiguous, and is otherwise unresolved, never the
 * literal guess ({@link JsonRebinder}). Steps are checked against the request (key requested, value
 * found in the source text and not only negated there, plausible for its key, not shared with
 * another key, Everit schema validation); a value that is the only one of its kind in the text is
 * promoted. Repair: steps of keys the request no longer names are dropped without a model call;
 * failing and missing keys are asked for with one compact call (only those keys and the source
 * text); then one fresh generation; then, on the PATCH path, one more focused call for what the
 * fresh generation got wrong. A request makes at most 3 model calls. The schema and the required
 * keys are the request options {@code schema} and {@code requiredKeys} ({@link
 * io.stepcache.packs.json.request.JsonOptions}). Stateless and thread-safe: its parts are built
 * in {@link #parts}.
 */
public final class JsonTaskPack implements PartsTaskPack {

  /** The pack id, also the {@code task} name clients use. */
  public static final String ID = "json";

  private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
      ID, "1.2.0", "JSON extraction with required keys and/or a JSON Schema", "[1.1,2.0)");

  @Override
  public PackDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** No settings: a {@code stepcache.pack.json.*} setting is a mistake and rejects the pack. */
  @Override
  public Optional<List<PackSetting>> settings() {
    return Optional.of(List.of());
  }

  /** Everything is stateless: the same parts whatever the (empty) settings. */
  @Override
  public PackParts parts(PackContext context) {
    Segmenter segmenter = new JsonSegmenter();
    PromptBuilder prompts = new JsonPrompts();
    return PackParts.builder()
        .detector(new JsonDetector())
        .analyser(new JsonAnalyser())
        .segmenter(segmenter)
        .rebinder(new JsonRebinder())
        .facts(new JsonFactProvider())
        .repairStrategies(List.of(
            FocusedKeyRepair.first(segmenter),
            new FreshGeneration(prompts, segmenter),
            FocusedKeyRepair.afterFresh(segmenter)))
        .prompts(prompts)
        .stitcher(new JsonStitcher())
        .oracle(new JsonOracle())
        .build();
  }

  @Override
  public List<RuleResource> rules() {
    return List.of(
        RuleResource.classpath(JsonTaskPack.class, "/stepcache/json/extraction.drl"),
        RuleResource.classpath(JsonTaskPack.class, "/stepcache/json/guard.drl"));
  }

  /**
   * {@link VerificationStrength#GROUNDED}, stated rather than inherited: the rules prove that a
   * value is backed by the source text, of a plausible kind for its key and not negated there, but
   * not that it is the span the request means (the rent instead of the year passes grounding). A
   * passing step is therefore only confirmed when the rules promote it ({@code
   * JSON_VALUE_DETERMINED}: the only value of its kind in the text) or an independent answer
   * agrees ({@link JsonPrompts#confirmationPrompt}).
   */
  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.GROUNDED;
  }
}
