package io.stepcache.packs.json;

import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.Detector;
import io.stepcache.spi.TaskRequest;
import java.util.regex.Pattern;

/**
 * Claims requests that carry a schema or required keys (options {@code schema}, {@code requiredKeys}) (certainly extraction) and prompts that ask
 * for JSON or mention a schema. Everything else, such as "Solve 3x + 5 = 20", gets 0.
 */
final class JsonDetector implements Detector {

  private static final Pattern JSON_OBJECT = Pattern.compile("(?i)\\bjson\\s+(?:object|format|schema)\\b");
  private static final Pattern JSON = Pattern.compile("(?i)\\bjson\\b");
  private static final Pattern SCHEMA = Pattern.compile("(?i)\\bschema\\b");

  @Override
  public double claim(TaskRequest request) {
    if (JsonOptions.present(request)) {
      return 0.95;
    }
    String prompt = request.prompt();
    if (JSON_OBJECT.matcher(prompt).find()) {
      return 0.9;
    }
    if (JSON.matcher(prompt).find()) {
      return 0.8;
    }
    return SCHEMA.matcher(prompt).find() ? 0.5 : 0.0;
  }
}
