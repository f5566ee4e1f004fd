package io.stepcache.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the model a request names enters its cache key (the partition of {@link io.stepcache.engine.store.EntryKey}).
 *
 * <ul>
 *   <li>{@link Mode#EXACT} (the default): every model keys on its own name, so an answer written by one model is
 *       never served for another; a request that names no model keys on {@code defaultModel}, the model the
 *       backend uses then. Named <em>groups</em> share one key: {@code gpt-4o=gpt-4o,gpt-4o-2024-08-06} makes
 *       both names key as {@code gpt-4o}.
 *   <li>{@link Mode#IGNORE}: the model is not part of the key (one cache for every model; the keys written before
 *       models were keyed).
 * </ul>
 *
 * @param mode whether the model is keyed
 * @param defaultModel the model of a request that names none ({@code EXACT} only)
 * @param groupOf model name to the group it keys as; names in no group key as themselves
 */
public record ModelKeys(Mode mode, String defaultModel, Map<String, String> groupOf) {

  /** Longest model name a request may send. */
  public static final int MAX_MODEL_CHARS = 256;

  /** Whether the model is part of the key. */
  public enum Mode {
    EXACT,
    IGNORE
  }

  public ModelKeys {
    Objects.requireNonNull(mode, "mode");
    groupOf = Collections.unmodifiableMap(new LinkedHashMap<>(groupOf));
    if (mode == Mode.EXACT && (defaultModel == null || modelProblem(defaultModel) != null)) {
      throw new IllegalArgumentException("the default model must be a model name: " + defaultModel);
    }
  }

  /** Every model keys on its own name; {@code defaultModel} for requests that name none. */
  public static ModelKeys exact(String defaultModel) {
    return new ModelKeys(Mode.EXACT, defaultModel, Map.of());
  }

  /** The model is not part of the key. */
  public static ModelKeys ignore() {
    return new ModelKeys(Mode.IGNORE, null, Map.of());
  }

  /** These keys with {@code newDefault} as the model of requests that name none. */
  public ModelKeys withDefaultModel(String newDefault) {
    return new ModelKeys(mode, newDefault, groupOf);
  }

  /**
   * These keys with named groups, written {@code name=model,model;name=model,...} (blank: none). A model in two
   * groups, an empty name or an empty group is refused.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public ModelKeys withGroups(String groups) {
    return new ModelKeys(mode, defaultModel, NamedGroups.parse(groups, "model"));
  }

  /** What is wrong with {@code model} as a model name, or {@code null}: 1-256 characters, no control characters. */
  public static String modelProblem(String model) {
    if (model.isEmpty() || model.length() > MAX_MODEL_CHARS) {
      return "must be 1-" + MAX_MODEL_CHARS + " characters";
    }
    return model.chars().anyMatch(Character::isISOControl) ? "must not contain control characters" : null;
  }

  /** The model part of a key for a request naming {@code model} ({@code null}: the default), or {@code null}. */
  public String keyOf(String model) {
    if (mode == Mode.IGNORE) {
      return null;
    }
    String m = model == null ? defaultModel : model;
    return groupOf.getOrDefault(m, m);
  }

  /**
   * The partition of a request's key: {@code c=<digest>} for a conversation, then {@code m=<model key>} (unless
   * the model is ignored), joined by {@code ;}; empty when neither applies (the keys written before partitions).
   * The digest has a fixed length and the model comes last, so no model name can spell another partition.
   */
  public String partition(String model, Conversation conversation) {
    String modelKey = keyOf(model);
    List<String> parts = new ArrayList<>(2);
    if (!conversation.isEmpty()) {
      parts.add("c=" + conversation.digest());
    }
    if (modelKey != null) {
      parts.add("m=" + modelKey);
    }
    return String.join(";", parts);
  }
}
