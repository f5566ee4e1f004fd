package io.stepcache.packs.json.paths;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.ModelKeys;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskRequest;
import io.stepcache.testkit.PackTestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Schema and required keys travel as request options (SPI 1.1), and the store keys they lead to
 * are the ones written before: the literals below were recorded on the code that had them as
 * fields of the request. With the model left out of the key ({@code stepcache.cache.modelKey=ignore}) an entry
 * stored then is found now; by default the key also names the model (a partition between pack key and structure
 * key), so entries written before models were keyed are not reused for a model they may not have come from.
 */
class CacheKeyStabilityTest {

  private static final String PERSON_SCHEMA = "{\"type\":\"object\",\"required\":[\"name\",\"age\"],"
      + "\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}";
  private static final String AGE_SCHEMA = "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"}}}";

  /** Printable store key, then the lineage of each step, as recorded before request options. */
  private static final List<String> RECORDED = List.of(
      "acme|json@1.2.0#b6755f16e6b45356|json|extract the person as json|k0:string!,k1:integer!|extra=open~79e3322277f3"
          + " [a34a38af39ec, f00d2ea361c3]",
      "acme|json@1.2.0#b6755f16e6b45356|json|give me json for this contact|k0:any!,k1:any!|extra=none~941d42c21502"
          + " [5bafa1184de8, fb1b451d5590]",
      "default|json@1.2.0#b6755f16e6b45356|json|extract as json|k0:any!,k1:integer?|extra=open~dcbaeb3676cd"
          + " [32a468901536, 33ea18b666b3]");

  private record Sent(String prompt, String tenant, String schema, List<String> requiredKeys) {}

  private static final List<Sent> REQUESTS = List.of(
      new Sent("Extract the person as JSON: Alice Smith is 31 years old.", "acme", PERSON_SCHEMA, List.of()),
      new Sent("Give me JSON for this contact: Bob, bob@example.com", "acme", null, List.of("name", "email")),
      new Sent("Extract as JSON: Eve Rossi is 45 years old.", null, AGE_SCHEMA, List.of("name")));

  private static final EngineConfig MODEL_IGNORED = EngineConfig.defaults().withModelKeys(ModelKeys.ignore());

  private static List<String> storedKeys(Function<Sent, CompletionRequest> asRequest) {
    return storedKeys(asRequest, MODEL_IGNORED);
  }

  private static List<String> storedKeys(Function<Sent, CompletionRequest> asRequest, EngineConfig config) {
    try (PackTestKit kit = PackTestKit.forPack(new JsonTaskPack()).seed(42).engineConfig(config).build()) {
      REQUESTS.forEach(r -> kit.complete(asRequest.apply(r)));
      List<String> keys = new ArrayList<>();
      kit.store().forEach(e -> keys.add(EntryKey.printable(e.key().asString()) + " "
          + e.trust().stream().map(StepTrust::lineage).toList()));
      keys.sort(null);
      return keys;
    }
  }

  @Test
  void theNativeFieldsGiveTheKeysWrittenBeforeOptions() {
    assertThat(storedKeys(r -> new CompletionRequest(r.prompt(), "json", r.tenant(), r.schema(), r.requiredKeys(),
        null, null, null))).isEqualTo(RECORDED);
  }

  @Test
  void theSameRequestsAsOptionsGiveTheSameKeys() {
    assertThat(storedKeys(r -> {
      RequestOptions options = RequestOptions.none().with(TaskRequest.SCHEMA, r.schema());
      if (!r.requiredKeys().isEmpty()) {
        options = options.with(TaskRequest.REQUIRED_KEYS, r.requiredKeys());
      }
      return new CompletionRequest(r.prompt(), "json", r.tenant(), options, null, null, null);
    })).isEqualTo(RECORDED);
  }

  @Test
  void byDefaultTheKeysNameTheModelBetweenPackKeyAndStructureKey() {
    List<String> keys = storedKeys(r -> new CompletionRequest(r.prompt(), "json", r.tenant(), r.schema(),
        r.requiredKeys(), null, null, null), EngineConfig.defaults());
    List<String> expected = RECORDED.stream()
        .map(k -> k.substring(0, k.indexOf(" [")).replace("#b6755f16e6b45356|", "#b6755f16e6b45356|^m=default^|"))
        .toList();
    assertThat(keys.stream().map(k -> k.substring(0, k.indexOf(" ["))).toList()).isEqualTo(expected);
  }

  @Test
  void aCompletionRequestMapsItsNativeFieldsOntoTheOptions() {
    CompletionRequest r = new CompletionRequest("p", "json", null, AGE_SCHEMA, List.of("name"), null, null, null);
    assertThat(r.options()).isEqualTo(RequestOptions.of(Map.of("schema", AGE_SCHEMA, "requiredKeys", List.of("name"))));
    assertThat(r.schemaJson()).isEqualTo(AGE_SCHEMA);
    assertThat(r.requiredKeys()).containsExactly("name");
    assertThat(CompletionRequest.of("p", "json").options().isEmpty()).isTrue();
    assertThat(r.withTenant("acme").options()).isEqualTo(r.options());
  }
}
