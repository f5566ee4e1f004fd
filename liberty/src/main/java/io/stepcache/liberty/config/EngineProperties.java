package io.stepcache.liberty.config;

import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.ModelKeys;
import io.stepcache.engine.trust.TrustSettings;
import jakarta.enterprise.context.Dependent;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's settings: {@code stepcache.similarityThreshold}, {@code stepcache.maxPromptChars},
 * {@code stepcache.maxSteps}, {@code stepcache.defaultMaxTokens}, {@code stepcache.maxTokensLimit},
 * {@code stepcache.maxCandidates}, {@code stepcache.maxVariants}, {@code stepcache.checkpoints.*},
 * {@code stepcache.trust.*}, {@code stepcache.cache.modelKey}, {@code stepcache.cache.modelGroups} and {@code
 * stepcache.serveUnverified}.
 *
 * <p>Every field is optional: an unset key takes its value from {@link EngineConfig#defaults()}, the
 * one place the engine's defaults are written. No field initializers (see {@link StoreProperties}).
 */
@Dependent
@ConfigProperties(prefix = "stepcache")
public class EngineProperties {

  @ConfigProperty(name = "similarityThreshold")
  Optional<Double> similarityThreshold;

  @ConfigProperty(name = "maxPromptChars")
  Optional<Integer> maxPromptChars;

  @ConfigProperty(name = "maxSteps")
  Optional<Integer> maxSteps;

  @ConfigProperty(name = "defaultMaxTokens")
  Optional<Integer> defaultMaxTokens;

  @ConfigProperty(name = "maxTokensLimit")
  Optional<Integer> maxTokensLimit;

  @ConfigProperty(name = "maxCandidates")
  Optional<Integer> maxCandidates;

  @ConfigProperty(name = "maxVariants")
  Optional<Integer> maxVariants;

  @ConfigProperty(name = "checkpoints.policy")
  Optional<String> checkpointPolicy;

  @ConfigProperty(name = "checkpoints.budget")
  Optional<Integer> checkpointBudget;

  @ConfigProperty(name = "checkpoints.blockTokens")
  Optional<Integer> checkpointBlockTokens;

  @ConfigProperty(name = "trust.confirm")
  Optional<String> trustConfirm;

  @ConfigProperty(name = "trust.confirmations")
  Optional<Integer> trustConfirmations;

  @ConfigProperty(name = "trust.maxConfirmations")
  Optional<Integer> trustMaxConfirmations;

  @ConfigProperty(name = "trust.errorTarget")
  Optional<Double> trustErrorTarget;

  @ConfigProperty(name = "trust.queueCapacity")
  Optional<Integer> trustQueueCapacity;

  @ConfigProperty(name = "trust.auditRate")
  Optional<Double> trustAuditRate;

  @ConfigProperty(name = "trust.maxTokens")
  Optional<Integer> trustMaxTokens;

  @ConfigProperty(name = "trust.temperature")
  Optional<Double> trustTemperature;

  @ConfigProperty(name = "cache.modelKey")
  Optional<String> modelKey;

  @ConfigProperty(name = "cache.modelGroups")
  Optional<String> modelGroups;

  @ConfigProperty(name = "serveUnverified")
  Optional<Boolean> serveUnverified;

  /**
   * The engine's settings: the configured keys over {@link EngineConfig#defaults()}.
   *
   * @param defaultModel the model the backend runs when a request names none (what such requests key on)
   */
  public EngineConfig engineConfig(String defaultModel) {
    EngineConfig d = EngineConfig.defaults();
    CheckpointSettings c = d.checkpoints();
    TrustSettings t = d.trust();
    CheckpointPolicy policy = checkpointPolicy.map(EngineProperties::policy).orElse(c.policy());
    TrustSettings.Confirm confirm = trustConfirm.map(EngineProperties::confirm).orElse(t.confirm());
    try {
      return new EngineConfig(similarityThreshold.orElse(d.similarityThreshold()),
          maxPromptChars.orElse(d.maxPromptChars()), maxSteps.orElse(d.maxSteps()),
          defaultMaxTokens.orElse(d.defaultMaxTokens()), maxTokensLimit.orElse(d.maxTokensLimit()),
          maxCandidates.orElse(d.maxCandidates()), maxVariants.orElse(d.maxVariants()),
          new CheckpointSettings(policy, checkpointBudget.orElse(c.budget()),
              checkpointBlockTokens.orElse(c.blockTokens()), c.maxDepthTokens()),
          new TrustSettings(confirm, trustConfirmations.orElse(t.confirmations()),
              trustMaxConfirmations.orElse(t.maxConfirmations()), trustErrorTarget.orElse(t.errorTarget()),
              trustQueueCapacity.orElse(t.queueCapacity()), trustAuditRate.orElse(t.auditRate()),
              trustMaxTokens.orElse(t.maxTokens()), trustTemperature.orElse(t.temperature())),
          modelKeys(defaultModel), serveUnverified.orElse(d.serveUnverified()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid engine settings (stepcache.similarityThreshold, stepcache.maxPromptChars, stepcache.maxSteps, "
              + "stepcache.defaultMaxTokens, stepcache.maxTokensLimit, stepcache.maxCandidates, "
              + "stepcache.maxVariants, stepcache.checkpoints.*, stepcache.trust.*, stepcache.cache.modelKey, "
              + "stepcache.cache.modelGroups): " + e.getMessage(), e);
    }
  }

  private ModelKeys modelKeys(String defaultModel) {
    String mode = modelKey.map(v -> Checks.oneOf(ConfigKeys.key(EngineProperties.class, "modelKey"), v,
        "exact", "ignore")).orElse(EngineConfig.defaults().modelKeys().mode().name().toLowerCase(Locale.ROOT));
    ModelKeys keys = mode.equals("ignore") ? ModelKeys.ignore() : ModelKeys.exact(defaultModel);
    return keys.withGroups(modelGroups.orElse(""));
  }

  private static TrustSettings.Confirm confirm(String value) {
    String v = Checks.oneOf(ConfigKeys.key(EngineProperties.class, "trustConfirm"), value, "eager", "on-demand");
    return v.equals("eager") ? TrustSettings.Confirm.EAGER : TrustSettings.Confirm.ON_DEMAND;
  }

  private static CheckpointPolicy policy(String value) {
    String v = Checks.oneOf(ConfigKeys.key(EngineProperties.class, "checkpointPolicy"), value,
        "planned", "none", "every-block", "evenly-spaced");
    return CheckpointPolicy.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
