package io.stepcache.packs.json.request;

import java.util.List;
import java.util.Objects;

/**
 * One key the answer may hold.
 *
 * @param name the key
 * @param types the JSON Schema types allowed for its value (e.g. {@code string}, {@code integer});
 *     empty when no schema constrains it
 * @param required true when the answer must hold it (required keys, schema {@code required}, keys
 *     named in the prompt)
 */
public record KeySpec(String name, List<String> types, boolean required) {

  public KeySpec {
    Objects.requireNonNull(name, "name");
    types = List.copyOf(types);
  }

  /** True when the schema explicitly allows {@code type} (e.g. {@code boolean}, {@code null}). */
  public boolean allows(String type) {
    return types.contains(type);
  }

  /** True when the schema asks for a number ({@code integer} or {@code number}). */
  public boolean numeric() {
    return allows("integer") || allows("number");
  }

  /** The types joined with {@code |}, or {@code any}. */
  public String typeLabel() {
    return types.isEmpty() ? "any" : String.join("|", types);
  }
}
