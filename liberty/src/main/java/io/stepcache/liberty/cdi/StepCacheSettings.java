package io.stepcache.liberty.cdi;

import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.trust.TrustSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the application, read once from MicroProfile Config. Defaults live in {@code
 * META-INF/microprofile-config.properties}; override them with system properties, environment
 * variables ({@code STEPCACHE_STORE_MAXENTRIES=...}) or {@code <variable>}s in server.xml.
 *
 * <p>Invalid values fail the application start with a message naming the key.
 */
@ApplicationScoped
public class StepCacheSettings {

  /** Prefix of per-pack settings: {@code stepcache.pack.<pack-id>.<key>=<value>}. */
  public static final String PACK_PREFIX = "stepcache.pack.";

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "stepcache.data.dir")
  Optional<String> dataDir;

  @Inject
  @ConfigProperty(name = "stepcache.store.maxEntries", defaultValue = "10000")
  long storeMaxEntries;

  @Inject
  @ConfigProperty(name = "stepcache.store.ttl", defaultValue = "PT24H")
  String storeTtl;

  @Inject
  @ConfigProperty(name = "stepcache.similarityThreshold", defaultValue = "0.5")
  double similarityThreshold;

  @Inject
  @ConfigProperty(name = "stepcache.maxPromptChars", defaultValue = "32768")
  int maxPromptChars;

  @Inject
  @ConfigProperty(name = "stepcache.maxRequestBytes", defaultValue = "65536")
  int maxRequestBytes;

  @Inject
  @ConfigProperty(name = "stepcache.bench.echo.enabled", defaultValue = "false")
  boolean benchEchoEnabled;

  @Inject
  @ConfigProperty(name = "stepcache.maxSteps", defaultValue = "64")
  int maxSteps;

  @Inject
  @ConfigProperty(name = "stepcache.maxCandidates", defaultValue = "4")
  int maxCandidates;

  @Inject
  @ConfigProperty(name = "stepcache.maxVariants", defaultValue = "8")
  int maxVariants;

  @Inject
  @ConfigProperty(name = "stepcache.checkpoints.policy", defaultValue = "planned")
  String checkpointPolicy;

  @Inject
  @ConfigProperty(name = "stepcache.checkpoints.budget", defaultValue = "2")
  int checkpointBudget;

  @Inject
  @ConfigProperty(name = "stepcache.checkpoints.blockTokens", defaultValue = "16")
  int checkpointBlockTokens;

  @Inject
  @ConfigProperty(name = "stepcache.trust.confirm", defaultValue = "eager")
  String trustConfirm;

  @Inject
  @ConfigProperty(name = "stepcache.trust.confirmations", defaultValue = "" + TrustSettings.DEFAULT_CONFIRMATIONS)
  int trustConfirmations;

  @Inject
  @ConfigProperty(name = "stepcache.trust.maxConfirmations", defaultValue = "" + TrustSettings.DEFAULT_MAX_CONFIRMATIONS)
  int trustMaxConfirmations;

  @Inject
  @ConfigProperty(name = "stepcache.trust.errorTarget", defaultValue = "" + TrustSettings.DEFAULT_ERROR_TARGET)
  double trustErrorTarget;

  @Inject
  @ConfigProperty(name = "stepcache.trust.queueCapacity", defaultValue = "" + TrustSettings.DEFAULT_QUEUE_CAPACITY)
  int trustQueueCapacity;

  @Inject
  @ConfigProperty(name = "stepcache.trust.auditRate", defaultValue = "" + TrustSettings.DEFAULT_AUDIT_RATE)
  double trustAuditRate;

  @Inject
  @ConfigProperty(name = "stepcache.trust.maxTokens", defaultValue = "" + TrustSettings.DEFAULT_MAX_TOKENS)
  int trustMaxTokens;

  @Inject
  @ConfigProperty(name = "stepcache.trust.temperature", defaultValue = "" + TrustSettings.DEFAULT_TEMPERATURE)
  double trustTemperature;

  @Inject
  @ConfigProperty(name = "stepcache.defaultMaxTokens", defaultValue = "512")
  int defaultMaxTokens;

  @Inject
  @ConfigProperty(name = "stepcache.maxTokensLimit", defaultValue = "4096")
  int maxTokensLimit;

  @Inject
  @ConfigProperty(name = "stepcache.backend", defaultValue = "simulated")
  String backend;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.seed", defaultValue = "42")
  long simSeed;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.timeToFirstToken", defaultValue = "PT0.15S")
  String simTimeToFirstToken;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.prefillTokensPerSecond", defaultValue = "300")
  double simPrefillTokensPerSecond;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.decodeTokensPerSecond", defaultValue = "43")
  double simDecodeTokensPerSecond;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.wrongArithmetic", defaultValue = "0")
  double simWrongArithmetic;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.wrongSign", defaultValue = "0")
  double simWrongSign;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.missingJsonKey", defaultValue = "0")
  double simMissingJsonKey;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.malformedJson", defaultValue = "0")
  double simMalformedJson;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.truncated", defaultValue = "0")
  double simTruncated;

  /** Grounded distractors: a JSON value replaced by another same-typed span of the source text. */
  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.groundedDistractor", defaultValue = "0")
  double simGroundedDistractor;

  @Inject
  @ConfigProperty(name = "stepcache.backend.sim.error.activeCalls", defaultValue = "2147483647")
  int simErrorActiveCalls;

  @Inject
  @ConfigProperty(name = "stepcache.clock", defaultValue = "real")
  String clock;

  @Inject
  @ConfigProperty(name = "stepcache.packs.dir")
  Optional<String> packsDir;

  @Inject
  @ConfigProperty(name = "stepcache.packs.scanInterval", defaultValue = "PT0.5S")
  String packsScanInterval;

  @Inject
  @ConfigProperty(name = "stepcache.packs.maxUploadBytes", defaultValue = "67108864")
  long packsMaxUploadBytes;

  @Inject
  @ConfigProperty(name = "stepcache.packs.drainTimeout", defaultValue = "PT60S")
  String packsDrainTimeout;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.baseUrl", defaultValue = "http://127.0.0.1:8090/v1")
  String openAiBaseUrl;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.model")
  Optional<String> openAiModel;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.apiKey")
  Optional<String> openAiApiKey;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.connectTimeout", defaultValue = "PT2S")
  String openAiConnectTimeout;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.readTimeout", defaultValue = "PT120S")
  String openAiReadTimeout;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.maxRetries", defaultValue = "2")
  int openAiMaxRetries;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.backoff", defaultValue = "PT0.2S")
  String openAiBackoff;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.stream", defaultValue = "false")
  boolean openAiStream;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.responseFormat", defaultValue = "true")
  boolean openAiResponseFormat;

  @Inject
  @ConfigProperty(name = "stepcache.backend.openai.cacheSalt", defaultValue = "false")
  boolean openAiCacheSalt;

  /**
   * Where Infinispan keeps its files. Unset means {@code stepcache-data} in the working directory,
   * which for Liberty is the server's output directory ({@code ${server.output.dir}}).
   */
  public Path dataDir() {
    String d = dataDir.map(String::trim).orElse("");
    if (d.contains("${")) {
      throw invalid("stepcache.data.dir", d, "a directory path without unresolved variables");
    }
    return (d.isEmpty() ? Path.of("stepcache-data") : Path.of(d)).toAbsolutePath().normalize();
  }

  /** Most entries the store keeps in memory (the rest stay on disk). */
  public long storeMaxEntries() {
    if (storeMaxEntries < 1) {
      throw invalid("stepcache.store.maxEntries", storeMaxEntries, "a positive number");
    }
    return storeMaxEntries;
  }

  /** How long a stored answer lives. */
  public Duration storeTtl() {
    Duration d = duration("stepcache.store.ttl", storeTtl);
    if (d.isZero() || d.isNegative()) {
      throw invalid("stepcache.store.ttl", storeTtl, "a positive duration");
    }
    return d;
  }

  /** Largest request body accepted, in bytes (413 above). */
  public int maxRequestBytes() {
    if (maxRequestBytes < 1) {
      throw invalid("stepcache.maxRequestBytes", maxRequestBytes, "a positive number of bytes");
    }
    return maxRequestBytes;
  }

  /**
   * Whether {@code POST /api/v1/bench/echo} (the bare JAX-RS echo StepBench's load mode compares the
   * REUSE path with) answers; off by default, so production servers do not expose it.
   */
  public boolean benchEchoEnabled() {
    return benchEchoEnabled;
  }

  /** The engine's settings. */
  public EngineConfig engineConfig() {
    try {
      return new EngineConfig(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
          maxCandidates, maxVariants, new CheckpointSettings(checkpointPolicy(), checkpointBudget,
              checkpointBlockTokens, CheckpointSettings.defaults().maxDepthTokens()),
          new TrustSettings(trustConfirm(), trustConfirmations, trustMaxConfirmations, trustErrorTarget, trustQueueCapacity,
              trustAuditRate, trustMaxTokens, trustTemperature));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid engine settings (stepcache.similarityThreshold, stepcache.maxPromptChars, stepcache.maxSteps, "
              + "stepcache.defaultMaxTokens, stepcache.maxTokensLimit, stepcache.maxCandidates, "
              + "stepcache.maxVariants, stepcache.checkpoints.*, stepcache.trust.*): " + e.getMessage(), e);
    }
  }

  private TrustSettings.Confirm trustConfirm() {
    return switch (trustConfirm == null ? "" : trustConfirm.trim().toLowerCase(Locale.ROOT)) {
      case "eager" -> TrustSettings.Confirm.EAGER;
      case "on-demand" -> TrustSettings.Confirm.ON_DEMAND;
      default -> throw invalid("stepcache.trust.confirm", trustConfirm, "'eager' or 'on-demand'");
    };
  }

  private CheckpointPolicy checkpointPolicy() {
    return switch (checkpointPolicy == null ? "" : checkpointPolicy.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> CheckpointPolicy.NONE;
      case "planned" -> CheckpointPolicy.PLANNED;
      case "every-block" -> CheckpointPolicy.EVERY_BLOCK;
      case "evenly-spaced" -> CheckpointPolicy.EVENLY_SPACED;
      default -> throw invalid("stepcache.checkpoints.policy", checkpointPolicy,
          "'planned', 'none', 'every-block' or 'evenly-spaced'");
    };
  }

  /** The backend kind: {@code simulated} or {@code openai}. */
  public String backend() {
    String b = backend == null ? "" : backend.trim().toLowerCase(Locale.ROOT);
    if (!b.equals("simulated") && !b.equals("openai")) {
      throw invalid("stepcache.backend", backend, "'simulated' or 'openai'");
    }
    return b;
  }

  /** How to reach the OpenAI-compatible server ({@code stepcache.backend.openai.*}). */
  public OpenAiSettings openAiSettings() {
    URI base;
    try {
      base = URI.create(openAiBaseUrl == null ? "" : openAiBaseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw invalid("stepcache.backend.openai.baseUrl", openAiBaseUrl, "an http(s) URL such as http://127.0.0.1:8090/v1");
    }
    Duration connect = duration("stepcache.backend.openai.connectTimeout", openAiConnectTimeout);
    Duration read = duration("stepcache.backend.openai.readTimeout", openAiReadTimeout);
    Duration backoff = duration("stepcache.backend.openai.backoff", openAiBackoff);
    if (connect.isZero() || connect.isNegative()) {
      throw invalid("stepcache.backend.openai.connectTimeout", openAiConnectTimeout, "a positive duration");
    }
    if (read.isZero() || read.isNegative()) {
      throw invalid("stepcache.backend.openai.readTimeout", openAiReadTimeout, "a positive duration");
    }
    if (openAiMaxRetries < 0 || openAiMaxRetries > 10) {
      throw invalid("stepcache.backend.openai.maxRetries", openAiMaxRetries, "a number from 0 to 10");
    }
    try {
      return new OpenAiSettings(base, openAiModel.orElse(null), openAiApiKey.orElse(null), connect, read,
          openAiMaxRetries, backoff, openAiStream, openAiResponseFormat, openAiCacheSalt);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid StepCache setting stepcache.backend.openai.*: " + e.getMessage()
          + ". Fix it in server.xml, an environment variable or META-INF/microprofile-config.properties.", e);
    }
  }

  public long simSeed() {
    return simSeed;
  }

  /** The simulated backend's latency model. */
  public SimulationProfile simProfile() {
    try {
      return new SimulationProfile(
          duration("stepcache.backend.sim.timeToFirstToken", simTimeToFirstToken),
          simPrefillTokensPerSecond,
          simDecodeTokensPerSecond);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid simulated backend profile (stepcache.backend.sim.*): " + e.getMessage(), e);
    }
  }

  /** The simulated backend's error rates. */
  public ErrorInjection simErrors() {
    try {
      return new ErrorInjection(
          simWrongArithmetic, simWrongSign, simMissingJsonKey, simMalformedJson, simTruncated, simErrorActiveCalls,
          simGroundedDistractor);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid simulated backend error rates (stepcache.backend.sim.error.*): " + e.getMessage(), e);
    }
  }

  /** {@code real} (wall clock) or {@code virtual} (simulated latency is reported, not waited). */
  public String clock() {
    String c = clock == null ? "" : clock.trim().toLowerCase(Locale.ROOT);
    if (!c.equals("real") && !c.equals("virtual")) {
      throw invalid("stepcache.clock", clock, "'real' or 'virtual'");
    }
    return c;
  }

  /**
   * The directory of hot-deployed pack jars (created when missing). Unset means {@code packs} in the
   * working directory, which for Liberty is the server's output directory.
   */
  public Path packsDir() {
    String d = packsDir.map(String::trim).orElse("");
    if (d.contains("${")) {
      throw invalid("stepcache.packs.dir", d, "a directory path without unresolved variables");
    }
    return (d.isEmpty() ? Path.of("packs") : Path.of(d)).toAbsolutePath().normalize();
  }

  /** How often the packs directory is scanned; zero turns watching off (it is still read at start). */
  public Duration packsScanInterval() {
    Duration d = duration("stepcache.packs.scanInterval", packsScanInterval);
    if (d.isNegative()) {
      throw invalid("stepcache.packs.scanInterval", packsScanInterval, "a duration of zero (off) or more");
    }
    return d;
  }

  /** Largest pack jar {@code POST/PUT /api/v1/packs} accepts, in bytes (413 above). */
  public long packsMaxUploadBytes() {
    if (packsMaxUploadBytes < 1) {
      throw invalid("stepcache.packs.maxUploadBytes", packsMaxUploadBytes, "a positive number of bytes");
    }
    return packsMaxUploadBytes;
  }

  /** How long a replaced or removed pack may finish the requests running on it before it is closed anyway. */
  public Duration packsDrainTimeout() {
    Duration d = duration("stepcache.packs.drainTimeout", packsDrainTimeout);
    if (d.isNegative()) {
      throw invalid("stepcache.packs.drainTimeout", packsDrainTimeout, "a duration of zero or more");
    }
    return d;
  }

  /**
   * Per-pack settings, by pack id: {@code stepcache.pack.math-linear.repair.maxAttempts=2} becomes
   * {@code {"math-linear": {"repair.maxAttempts": "2"}}}.
   */
  public Map<String, Map<String, String>> packSettings() {
    return packSettings(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class).orElse(null));
  }

  static Map<String, Map<String, String>> packSettings(
      Iterable<String> names, java.util.function.Function<String, String> values) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String name : names) {
      if (!name.startsWith(PACK_PREFIX)) {
        continue;
      }
      String rest = name.substring(PACK_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw invalid(name, values.apply(name), "a key of the form stepcache.pack.<pack-id>.<setting>");
      }
      String value = values.apply(name);
      if (value != null) {
        out.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>()).put(rest.substring(dot + 1), value);
      }
    }
    return out;
  }

  /** An ISO-8601 duration ({@code PT24H}) or a number of seconds ({@code 86400}, {@code 0.15}). */
  static Duration duration(String key, String text) {
    if (text == null || text.isBlank()) {
      throw invalid(key, text, "an ISO-8601 duration such as PT24H or a number of seconds");
    }
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      double seconds = Double.parseDouble(t);
      if (!Double.isFinite(seconds)) {
        throw new NumberFormatException(t);
      }
      return Duration.ofNanos(Math.round(seconds * 1e9));
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw invalid(key, text, "an ISO-8601 duration such as PT24H or a number of seconds");
    }
  }

  static IllegalStateException invalid(String key, Object value, String expected) {
    return new IllegalStateException(
        "Invalid StepCache setting " + key + "=" + value + ": expected " + expected
            + ". Fix it in server.xml, an environment variable or META-INF/microprofile-config.properties.");
  }
}
