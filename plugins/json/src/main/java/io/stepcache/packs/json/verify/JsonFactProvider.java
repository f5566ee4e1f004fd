package io.stepcache.packs.json.verify;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.request.LoadedSchema;
import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.packs.json.text.Unresolved;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.FactProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;

/**
 * Facts for verification: one {@link ExtractionRequest}, one {@link ExpectedKey} per requested key,
 * one {@link KeyStep} per step, one {@link ValueEvidence} per step with a grounded string or number
 * value, and one {@link ExtractedObject} with Everit's errors. For the guard:
 * one {@link KeyPositionShape} per key position both signatures have.
 */
public final class JsonFactProvider implements FactProvider {

  @Override
  public List<Object> verificationFacts(
      TaskRequest request, Signature signature, List<String> steps, String stitched, String answerJson) {
    ExtractionTask task = ExtractionTask.of(request);
    String source = task.prompt().sourceText();
    List<Object> facts = new ArrayList<>();
    facts.add(new ExtractionRequest(task.keyNames(), source, task.extraKeysAllowed()));
    for (KeySpec key : task.keys()) {
      facts.add(new ExpectedKey(key.name(), key.required()));
    }
    for (int i = 0; i < steps.size(); i++) {
      facts.add(keyStep(i, steps.get(i), task, source));
      evidence(i, steps.get(i), source).ifPresent(facts::add);
    }
    facts.add(extractedObject(answerJson, task));
    return facts;
  }

  @Override
  public List<Object> guardFacts(Signature cached, Signature fresh) {
    List<Object> facts = new ArrayList<>();
    for (Map.Entry<String, String> feature : fresh.features().entrySet()) {
      String cachedType = cached.feature(feature.getKey());
      if (feature.getKey().startsWith(KeyPositionShape.TYPE_FEATURE_PREFIX) && cachedType != null) {
        String position = feature.getKey().substring(KeyPositionShape.TYPE_FEATURE_PREFIX.length());
        facts.add(new KeyPositionShape(position, cachedType, feature.getValue()));
      }
    }
    return facts;
  }

  private static KeyStep keyStep(int index, String text, ExtractionTask task, String source) {
    Member member = Member.parse(text);
    if (!member.parsed()) {
      return new KeyStep(index, text, member.key(), false, member.rawValue(), false, Unresolved.is(member));
    }
    boolean grounded = Grounding.grounded(member.value(), source, task.key(member.key()));
    return new KeyStep(index, text, member.key(), true, StrictJson.compact(member.value()), grounded, false);
  }

  private static Optional<ValueEvidence> evidence(int index, String text, String source) {
    Member member = Member.parse(text);
    if (!member.parsed()) {
      return Optional.empty();
    }
    return ValueEvidence.of(index, member.key(), member.value(), StrictJson.compact(member.value()), source);
  }

  private static ExtractedObject extractedObject(String answerJson, ExtractionTask task) {
    Optional<JSONObject> answer = answerJson == null ? Optional.empty() : StrictJson.object(answerJson);
    if (answer.isEmpty()) {
      return new ExtractedObject(false, List.of());
    }
    LoadedSchema schema = task.schema();
    List<SchemaViolation> violations =
        schema == null ? List.of() : SchemaViolations.of(schema.everit(), answer.get());
    return new ExtractedObject(true, violations);
  }
}
