package io.stepcache.liberty.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.trust.TrustSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The table "Settings (MicroProfile Config)" of liberty/README.md is true: it lists every key of the
 * settings beans with the default the application really uses, and each default is written once.
 */
class SettingsDefaultsTest {

  private static final Path README = Path.of("README.md");
  private static final String SERVER_DIR = "${server.output.dir}/";

  /** Every key with the value the application uses when nothing is configured. */
  private static Map<String, Object> actualDefaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    StoreProperties store = TestConfig.defaults(StoreProperties.class);
    d.put("stepcache.data.dir", store.dataDir());
    d.put("stepcache.store.maxEntries", store.maxEntries());
    d.put("stepcache.store.ttl", store.ttl());
    EngineConfig e = TestConfig.defaults(EngineProperties.class).engineConfig("m");
    d.put("stepcache.similarityThreshold", e.similarityThreshold());
    d.put("stepcache.maxPromptChars", e.maxPromptChars());
    d.put("stepcache.maxSteps", e.maxSteps());
    d.put("stepcache.defaultMaxTokens", e.defaultMaxTokens());
    d.put("stepcache.maxTokensLimit", e.maxTokensLimit());
    d.put("stepcache.maxCandidates", e.maxCandidates());
    d.put("stepcache.maxVariants", e.maxVariants());
    d.put("stepcache.checkpoints.policy", e.checkpoints().policy());
    d.put("stepcache.checkpoints.budget", e.checkpoints().budget());
    d.put("stepcache.checkpoints.blockTokens", e.checkpoints().blockTokens());
    TrustSettings t = e.trust();
    d.put("stepcache.trust.confirm", t.confirm());
    d.put("stepcache.trust.confirmations", t.confirmations());
    d.put("stepcache.trust.maxConfirmations", t.maxConfirmations());
    d.put("stepcache.trust.errorTarget", t.errorTarget());
    d.put("stepcache.trust.queueCapacity", t.queueCapacity());
    d.put("stepcache.trust.auditRate", t.auditRate());
    d.put("stepcache.trust.maxTokens", t.maxTokens());
    d.put("stepcache.trust.temperature", t.temperature());
    d.put("stepcache.cache.modelKey", e.modelKeys().mode().name().toLowerCase(java.util.Locale.ROOT));
    d.put("stepcache.cache.modelGroups", e.modelKeys().groupOf().isEmpty() ? null : e.modelKeys().groupOf());
    d.put("stepcache.serveUnverified", e.serveUnverified());
    ServerProperties server = TestConfig.defaults(ServerProperties.class);
    d.put("stepcache.backend", server.backend());
    d.put("stepcache.clock", server.clock());
    d.put("stepcache.maxRequestBytes", server.maxRequestBytes());
    d.put("stepcache.bench.echo.enabled", server.benchEchoEnabled());
    d.put("stepcache.metrics.tenantClasses", server.tenantClasses().isEmpty() ? null : server.tenantClasses());
    var o = TestConfig.defaults(OpenAiProperties.class).settings();
    d.put("stepcache.backend.openai.baseUrl", o.baseUrl().toString());
    d.put("stepcache.backend.openai.model", o.model());
    d.put("stepcache.backend.openai.apiKey", o.apiKey());
    d.put("stepcache.backend.openai.connectTimeout", o.connectTimeout());
    d.put("stepcache.backend.openai.readTimeout", o.readTimeout());
    d.put("stepcache.backend.openai.maxRetries", o.maxRetries());
    d.put("stepcache.backend.openai.backoff", o.backoff());
    d.put("stepcache.backend.openai.stream", o.stream());
    d.put("stepcache.backend.openai.responseFormat", o.responseFormat());
    d.put("stepcache.backend.openai.cacheSalt", o.cacheSalt());
    SimulatorProperties sim = TestConfig.defaults(SimulatorProperties.class);
    d.put("stepcache.backend.sim.seed", sim.seed());
    d.put("stepcache.backend.sim.timeToFirstToken", sim.profile().timeToFirstToken());
    d.put("stepcache.backend.sim.prefillTokensPerSecond", sim.profile().prefillTokensPerSecond());
    d.put("stepcache.backend.sim.decodeTokensPerSecond", sim.profile().decodeTokensPerSecond());
    var errors = sim.errors();
    d.put("stepcache.backend.sim.error.wrongArithmetic", errors.wrongArithmetic());
    d.put("stepcache.backend.sim.error.wrongSign", errors.wrongSign());
    d.put("stepcache.backend.sim.error.missingJsonKey", errors.missingJsonKey());
    d.put("stepcache.backend.sim.error.malformedJson", errors.malformedJson());
    d.put("stepcache.backend.sim.error.truncated", errors.truncated());
    d.put("stepcache.backend.sim.error.groundedDistractor", errors.groundedDistractor());
    d.put("stepcache.backend.sim.error.activeCalls", errors.activeCalls());
    PacksProperties packs = TestConfig.defaults(PacksProperties.class);
    d.put("stepcache.packs.dir", packs.dir());
    d.put("stepcache.packs.scanInterval", packs.scanInterval());
    d.put("stepcache.packs.maxUploadBytes", packs.maxUploadBytes());
    d.put("stepcache.packs.drainTimeout", packs.drainTimeout());
    d.put("stepcache.packs.requireSigned", packs.requireSigned().orElse(null));
    d.put("stepcache.packs.trustedCertificates", packs.trustedCertificates().orElse(null));
    SecurityProperties security = TestConfig.defaults(SecurityProperties.class);
    d.put("stepcache.security.mode", security.mode().wireName());
    d.put("stepcache.security.trustedGateway", security.trustedGateway());
    d.put("stepcache.security.adminHttpsOnly", security.adminHttpsOnly());
    d.put("stepcache.security.dir", security.dir());
    d.put("stepcache.security.lockAfter", security.throttle().lockAfter());
    d.put("stepcache.security.lockFor", security.throttle().lockFor());
    return d;
  }

  @Test
  void theReadmeTableHasTheDefaultsTheApplicationUses() throws IOException {
    Map<String, String> readme = ReadmeTable.defaults(Files.readAllLines(README, StandardCharsets.UTF_8));
    Map<String, Object> actual = actualDefaults();
    List<String> problems = new ArrayList<>();
    for (var row : readme.entrySet()) {
      if (!actual.containsKey(row.getKey())) {
        problems.add(row.getKey() + ": in the README but no setting has this key");
      } else if (!matches(row.getValue(), actual.get(row.getKey()))) {
        problems.add(row.getKey() + ": the README says " + row.getValue() + ", the default is " + actual.get(row.getKey()));
      }
    }
    for (String key : actual.keySet()) {
      if (!readme.containsKey(key)) {
        problems.add(key + ": missing from the README's settings table");
      }
    }
    assertThat(problems).as("liberty/README.md, Settings (MicroProfile Config)").isEmpty();
  }

  @Test
  void everyKeyOfTheBeansIsChecked() {
    TreeSet<String> keys = new TreeSet<>();
    TestConfig.BEANS.forEach(b -> keys.addAll(ConfigKeys.keys(b)));
    assertThat(new TreeSet<>(actualDefaults().keySet())).isEqualTo(keys);
  }

  @Test
  void eachDefaultIsWrittenOnce() throws IOException {
    Properties file = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
      file.load(in);
    }
    assertThat(file.stringPropertyNames()).as("stepcache.* defaults belong in the @ConfigProperty annotations")
        .noneMatch(k -> k.startsWith("stepcache."));
    for (Class<?> bean : TestConfig.BEANS) {
      for (Field f : bean.getDeclaredFields()) {
        ConfigProperty p = f.getAnnotation(ConfigProperty.class);
        boolean annotated = p != null && !p.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE);
        // an Optional field takes its default from the library that owns it (EngineConfig.defaults(), ...)
        assertThat(annotated && (bean == EngineProperties.class || f.getType() == Optional.class))
            .as(bean.getSimpleName() + "." + f.getName() + " has a default in two places").isFalse();
      }
    }
  }

  private static boolean matches(String readme, Object actual) {
    if (actual == null) {
      return readme.equals("(none)");
    }
    try {
      if (actual instanceof Path) {
        String dir = readme.startsWith(SERVER_DIR) ? readme.substring(SERVER_DIR.length()) : readme;
        return Path.of(dir).toAbsolutePath().normalize().equals(actual);
      }
      if (actual instanceof Duration) {
        return actual.equals(new DurationConverter().convert(readme));
      }
      if (actual instanceof Number) {
        return new BigDecimal(readme).compareTo(new BigDecimal(actual.toString())) == 0;
      }
      if (actual instanceof Enum) {
        return readme.equals(((Enum<?>) actual).name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      return readme.equals(actual.toString());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
