package io.stepcache.liberty.cdi;

import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.liberty.config.Checks;
import io.stepcache.liberty.config.EngineProperties;
import io.stepcache.liberty.config.OpenAiProperties;
import io.stepcache.liberty.config.PacksProperties;
import io.stepcache.liberty.config.SecurityProperties;
import io.stepcache.liberty.config.ServerProperties;
import io.stepcache.liberty.config.SimulatorProperties;
import io.stepcache.liberty.config.StoreProperties;
import io.stepcache.packhost.PackSignatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every setting of the application, from MicroProfile Config through one {@link ConfigProperties}
 * bean per concern ({@code io.stepcache.liberty.config}); each default is written once, in its
 * bean's {@code @ConfigProperty(defaultValue)} or, for the engine, in {@link EngineConfig#defaults()}.
 * Override them with system properties, environment variables ({@code STEPCACHE_STORE_MAXENTRIES=...})
 * or {@code <variable>}s in server.xml.
 *
 * <p>Invalid values fail the application start with a message naming the key.
 */
@ApplicationScoped
public class StepCacheSettings {

  /** Prefix of per-pack settings: {@code stepcache.pack.<pack-id>.<key>=<value>}. */
  public static final String PACK_PREFIX = "stepcache.pack.";

  @Inject Config config;
  @Inject @ConfigProperties EngineProperties engine;
  @Inject @ConfigProperties ServerProperties server;
  @Inject @ConfigProperties StoreProperties store;
  @Inject @ConfigProperties OpenAiProperties openAi;
  @Inject @ConfigProperties SimulatorProperties sim;
  @Inject @ConfigProperties PacksProperties packs;
  @Inject @ConfigProperties SecurityProperties security;

  /** Where Infinispan keeps its files ({@code stepcache.data.dir}). */
  public Path dataDir() {
    return store.dataDir();
  }

  /** Most entries the store keeps in memory (the rest stay on disk). */
  public long storeMaxEntries() {
    return store.maxEntries();
  }

  /** The model name of the simulated backend. */
  public static final String SIMULATED_MODEL = "stepcache-simulated";
  /** The model name when the OpenAI backend's model is not configured (the server then picks its own). */
  public static final String UNNAMED_OPENAI_MODEL = "stepcache";

  /** How long a stored answer lives. */
  public Duration storeTtl() {
    return store.ttl();
  }

  /** Largest request body accepted, in bytes (413 above). */
  public int maxRequestBytes() {
    return server.maxRequestBytes();
  }

  /** Whether {@code POST /api/v1/bench/echo} answers (off by default). */
  public boolean benchEchoEnabled() {
    return server.benchEchoEnabled();
  }

  /** Tenant to the class the latency metrics label it with ({@code stepcache.metrics.tenantClasses}). */
  public Map<String, String> tenantClasses() {
    return server.tenantClasses();
  }

  /** The engine's settings; a request that names no model keys on {@link #modelName()}. */
  public EngineConfig engineConfig() {
    return engine.engineConfig(modelName());
  }

  /**
   * The model the server answers as when a request names none: the OpenAI backend's configured model ({@code
   * stepcache} when it names none), {@value #SIMULATED_MODEL} for the simulated backend.
   */
  public String modelName() {
    if (!backend().equals("openai")) {
      return SIMULATED_MODEL;
    }
    String model = openAiSettings().model();
    return model != null ? model : UNNAMED_OPENAI_MODEL;
  }

  /** The backend kind: {@code simulated} or {@code openai}. */
  public String backend() {
    return server.backend();
  }

  /** How to reach the OpenAI-compatible server ({@code stepcache.backend.openai.*}). */
  public OpenAiSettings openAiSettings() {
    return openAi.settings();
  }

  /** The simulated model's seed. */
  public long simSeed() {
    return sim.seed();
  }

  /** The simulated backend's latency model. */
  public SimulationProfile simProfile() {
    return sim.profile();
  }

  /** The simulated backend's error rates. */
  public ErrorInjection simErrors() {
    return sim.errors();
  }

  /** {@code real} (wall clock) or {@code virtual} (simulated latency is reported, not waited). */
  public String clock() {
    return server.clock();
  }

  /** The directory of hot-deployed pack jars (created when missing). */
  public Path packsDir() {
    return packs.dir();
  }

  /** How often the packs directory is scanned; zero turns watching off (it is still read at start). */
  public Duration packsScanInterval() {
    return packs.scanInterval();
  }

  /** Largest pack jar {@code POST/PUT /api/v1/packs} accepts, in bytes (413 above). */
  public long packsMaxUploadBytes() {
    return packs.maxUploadBytes();
  }

  /** How long a replaced or removed pack may finish the requests running on it before it is closed anyway. */
  public Duration packsDrainTimeout() {
    return packs.drainTimeout();
  }

  /** Which deployed pack jars may run (signed ones only, by default in production mode). */
  public PackSignatures packSignatures() {
    return packs.signatures(security.mode());
  }

  /**
   * Per-pack settings, by pack id: {@code stepcache.pack.math-linear.repair.maxAttempts=2} becomes
   * {@code {"math-linear": {"repair.maxAttempts": "2"}}}.
   */
  public Map<String, Map<String, String>> packSettings() {
    return packSettings(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class).orElse(null));
  }

  static Map<String, Map<String, String>> packSettings(Iterable<String> names, Function<String, String> values) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String name : names) {
      if (!name.startsWith(PACK_PREFIX)) {
        continue;
      }
      String rest = name.substring(PACK_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw Checks.invalid(name, values.apply(name), "a key of the form stepcache.pack.<pack-id>.<setting>");
      }
      String value = values.apply(name);
      if (value != null) {
        out.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>()).put(rest.substring(dot + 1), value);
      }
    }
    return out;
  }
}
