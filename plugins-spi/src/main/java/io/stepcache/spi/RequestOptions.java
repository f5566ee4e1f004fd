package io.stepcache.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pack-specific options of a request ({@link TaskRequest#options()}), by name: JSON-like values
 * only, deeply immutable. A value is a {@link String}, a {@link Boolean}, a number (held as a
 * {@link BigDecimal}, so {@code 1} and {@code 1L} are the same value, {@code 1} and {@code 1.0} are
 * not), a {@link List} of values or a {@link Map} from strings to values; {@code null} is no value
 * (an option is present or absent). Since SPI 1.1.
 *
 * <p>The host fills the options it knows from its APIs (the native API's {@code schema} and {@code
 * requiredKeys}, {@link TaskRequest#SCHEMA} and {@link TaskRequest#REQUIRED_KEYS}); a pack reads
 * the ones it understands and ignores the others. Two requests with equal options are equal.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new RequestOptions(Map.of());

  private final Map<String, Object> values;

  private RequestOptions(Map<String, Object> values) {
    this.values = values;
  }

  /** No options. */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Options holding a deep, immutable copy of {@code values}.
   *
   * @throws IllegalArgumentException naming the option when a value is {@code null} or not
   *     JSON-like (e.g. a mutable number, a date, a map with a key that is no string)
   */
  public static RequestOptions of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      return NONE;
    }
    Map<String, Object> copy = new TreeMap<>();
    values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "option name"), copy(name, value)));
    return new RequestOptions(Collections.unmodifiableMap(copy));
  }

  /** These options with {@code name} set to {@code value}, or removed when {@code value} is {@code null}. */
  public RequestOptions with(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Map<String, Object> next = new TreeMap<>(values);
    if (value == null) {
      next.remove(name);
    } else {
      next.put(name, value);
    }
    return of(next);
  }

  /** Every option, by name (sorted), unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The option's value, or empty when it is absent. */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /**
   * A text option, or empty when it is absent.
   *
   * @throws IllegalArgumentException when the option holds something else
   */
  public Optional<String> string(String name) {
    Object v = values.get(name);
    if (v == null || v instanceof String) {
      return Optional.ofNullable((String) v);
    }
    throw new IllegalArgumentException("Option '" + name + "' must be a string, got " + describe(v));
  }

  /**
   * A list-of-texts option, or an empty list when it is absent.
   *
   * @throws IllegalArgumentException when the option holds something else
   */
  public List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException("Option '" + name + "' must be a list of strings, got " + describe(v));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  private static Object copy(String name, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        return BigDecimal.valueOf(d);
      }
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(element -> out.add(copy(name, element)));
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("Option '" + name + "' holds a map whose key is no string: " + e.getKey());
        }
        out.put(key, copy(name, e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    throw new IllegalArgumentException("Option '" + name + "' must be a string, number, boolean, list or map, got "
        + (value == null ? "null" : describe(value)));
  }

  /** A value as its JSON kind and text ("a list [x]"), or its class for what is no option value. */
  private static String describe(Object v) {
    String kind = v instanceof String ? "a string" : v instanceof Boolean ? "a boolean"
        : v instanceof Number ? "a number" : v instanceof List ? "a list" : v instanceof Map ? "a map"
        : "a " + v.getClass().getName();
    return kind + " " + v;
  }
}
