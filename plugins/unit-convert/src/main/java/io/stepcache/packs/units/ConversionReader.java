package io.stepcache.packs.units;

import io.stepcache.packs.units.catalogue.Unit;
import io.stepcache.packs.units.catalogue.UnitCatalogue;
import io.stepcache.spi.TaskInputException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a conversion request: {@code Convert 5 km to miles}, {@code convert 2.5 pounds into kg},
 * {@code How many feet are in 3 metres?}, {@code 10 GB in MiB}.
 */
public final class ConversionReader {

  private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
  private static final String UNIT = "([A-Za-z]+)";
  private static final Pattern CONVERT = Pattern.compile(
      "(?i)(?:convert\\s+|what\\s+is\\s+|express\\s+)?" + NUM + "\\s*" + UNIT + "\\s+(?:to|into|in)\\s+" + UNIT
          + "\\s*[.?!]?\\s*$");
  private static final Pattern HOW_MANY = Pattern.compile(
      "(?i)how\\s+many\\s+" + UNIT + "\\s+(?:are|is)\\s+(?:there\\s+)?in\\s+" + NUM + "\\s*" + UNIT + "\\s*[.?!]?\\s*$");

  private final UnitCatalogue units;

  public ConversionReader(UnitCatalogue units) {
    this.units = units;
  }

  /** The words of a request that looks like a conversion, units not yet resolved. */
  record Words(String value, String from, String to) {}

  static Optional<Words> words(String prompt) {
    String p = prompt.strip();
    Matcher m = CONVERT.matcher(p);
    if (m.find()) {
      return Optional.of(new Words(m.group(1), m.group(2), m.group(3)));
    }
    m = HOW_MANY.matcher(p);
    if (m.find()) {
      return Optional.of(new Words(m.group(2), m.group(3), m.group(1)));
    }
    return Optional.empty();
  }

  /** True when the prompt is a conversion between two known units of one dimension. */
  public boolean understands(String prompt) {
    Optional<Words> w = words(prompt);
    if (w.isEmpty()) {
      return false;
    }
    Optional<Unit> from = units.find(w.get().from());
    Optional<Unit> to = units.find(w.get().to());
    return from.isPresent() && to.isPresent() && from.get().dimension().equals(to.get().dimension());
  }

  /**
   * The conversion a prompt asks for.
   *
   * @throws TaskInputException {@code UNIT_NO_CONVERSION}, {@code UNIT_UNKNOWN} or {@code
   *     UNIT_DIMENSION_MISMATCH}, with a message saying what to write instead
   */
  public Conversion read(String prompt) {
    Words w = words(prompt).orElseThrow(() -> new TaskInputException(
        "UNIT_NO_CONVERSION", "Ask for one conversion, such as 'Convert 5 km to miles' or 'How many feet are in 3 m?'"));
    Unit from = unit(w.from());
    Unit to = unit(w.to());
    if (!from.dimension().equals(to.dimension())) {
      throw new TaskInputException(
          "UNIT_DIMENSION_MISMATCH",
          "Cannot convert " + from.symbol() + " (" + from.dimension() + ") to " + to.symbol() + " (" + to.dimension() + ")");
    }
    return new Conversion(w.value(), from, to);
  }

  private Unit unit(String name) {
    return units.find(name).orElseThrow(() -> new TaskInputException(
        "UNIT_UNKNOWN",
        "Unknown unit '" + name + "'; known units: " + units.units().stream().map(Unit::symbol).toList()));
  }
}
