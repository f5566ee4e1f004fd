package io.stepcache.packhost;

import io.stepcache.engine.pack.PackRejection;
import io.stepcache.spi.PackSetting;
import io.stepcache.spi.TaskPack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the settings configured for a pack against the settings it declares ({@link
 * TaskPack#settings()}) and fills in declared defaults. A pack that declares none (SPI 1.0) gets
 * what is configured, unchecked.
 */
final class PackSettings {

  private PackSettings() {}

  /**
   * The settings {@code pack} starts with.
   *
   * @throws io.stepcache.engine.error.StepCacheException {@code PACK_REJECTED} naming the first
   *     setting that is not declared or has the wrong type
   */
  static Map<String, String> checked(String packId, TaskPack pack, Map<String, String> configured) {
    Optional<List<PackSetting>> declared = pack.settings();
    if (declared == null || declared.isEmpty()) {
      return configured;
    }
    List<PackSetting> accepted = declared.get();
    for (Map.Entry<String, String> e : configured.entrySet()) {
      PackSetting setting = accepted.stream().filter(s -> s.matches(e.getKey())).findFirst()
          .orElseThrow(() -> PackRejection.of(packId, "setting stepcache.pack." + packId + "." + e.getKey()
              + " is not one it accepts; it accepts " + (accepted.isEmpty() ? "no settings"
                  : accepted.stream().map(PackSetting::name).toList())));
      setting.problem(e.getValue()).ifPresent(problem -> {
        throw PackRejection.of(packId, "setting stepcache.pack." + packId + "." + e.getKey() + " " + problem);
      });
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (PackSetting s : accepted) {
      if (s.defaultValue() != null && !s.name().endsWith(".")) {
        out.put(s.name(), s.defaultValue());
      }
    }
    out.putAll(configured);
    return out;
  }
}
