package io.stepcache.packs.json.sim;

import io.stepcache.packs.json.prompt.PromptReader;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.PrettyObject;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.spi.sim.ModelOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the pack's full and focused prompts with the object a perfect model would give:
 * each listed key with the value {@link ValueFinder} reads from the source text ({@code null} when
 * it finds none), pretty-printed with one key per line so the simulator can drop or break lines.
 */
public final class JsonOracle implements ModelOracle {

  @Override
  public Optional<String> answer(String prompt) {
    return PromptReader.read(prompt).map(JsonOracle::extract);
  }

  private static String extract(PromptReader.Reading reading) {
    List<String> members = new ArrayList<>();
    for (KeySpec key : reading.keys()) {
      Object value = ValueFinder.find(key, reading.sourceText());
      members.add(StrictJson.quote(key.name()) + ": " + StrictJson.compact(value));
    }
    return PrettyObject.of(members);
  }
}
