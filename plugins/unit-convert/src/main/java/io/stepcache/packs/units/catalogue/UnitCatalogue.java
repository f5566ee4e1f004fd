package io.stepcache.packs.units.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The units a pack knows, read from a catalogue text ({@code units.properties}): one unit per line,
 * {@code <symbol> = <dimension> <size in the base unit> [<alias> ...]}. Immutable.
 */
public final class UnitCatalogue {

  private static final Pattern LINE = Pattern.compile("([A-Za-z]+)\\s*=\\s*([a-z]+)\\s+(\\S+)((?:\\s+[A-Za-z]+)*)\\s*");
  private static final Pattern FRACTION = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:/(\\d+(?:\\.\\d+)?))?");

  private final Map<String, Unit> bySymbol;
  private final Map<String, Unit> byName;

  private UnitCatalogue(Collection<Unit> units) {
    Map<String, Unit> symbols = new LinkedHashMap<>();
    Map<String, Unit> names = new LinkedHashMap<>();
    for (Unit u : units) {
      symbols.put(u.symbol(), u);
    }
    for (Unit u : units) {
      for (String n : u.aliases()) {
        names.putIfAbsent(n.toLowerCase(Locale.ROOT), u);
      }
      names.putIfAbsent(u.symbol().toLowerCase(Locale.ROOT), u);
    }
    this.bySymbol = Collections.unmodifiableMap(symbols);
    this.byName = Collections.unmodifiableMap(names);
  }

  /** Reads a catalogue; {@code where} names it in error messages. */
  public static UnitCatalogue read(InputStream in, String where) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = r.lines().toList();
      List<Unit> units = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          units.add(parse(line, where + " line " + (i + 1)));
        }
      }
      return new UnitCatalogue(units);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the unit catalogue " + where, e);
    }
  }

  /** This catalogue plus {@code extra} units ({@code symbol -> "dimension size aliases..."}). */
  public UnitCatalogue with(Map<String, String> extra, String where) {
    Map<String, Unit> all = new LinkedHashMap<>(bySymbol);
    extra.forEach((symbol, definition) -> {
      Unit u = parse(symbol + " = " + definition, where + " " + symbol);
      all.put(u.symbol(), u);
    });
    return new UnitCatalogue(all.values());
  }

  /**
   * Parses one catalogue line.
   *
   * @throws IllegalArgumentException naming {@code where} and what is wrong
   */
  static Unit parse(String line, String where) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          where + ": expected '<symbol> = <dimension> <size> [<alias> ...]', got '" + line + "'");
    }
    Matcher f = FRACTION.matcher(m.group(3));
    if (!f.matches()) {
      throw new IllegalArgumentException(
          where + ": the size of " + m.group(1) + " must be a positive decimal or fraction such as 0.3048 or 1/100, got '"
              + m.group(3) + "'");
    }
    BigFraction size = exact(f.group(1));
    if (f.group(2) != null) {
      BigFraction divisor = exact(f.group(2));
      if (divisor.equals(BigFraction.ZERO)) {
        throw new IllegalArgumentException(where + ": division by zero in the size of " + m.group(1));
      }
      size = size.divide(divisor);
    }
    if (size.equals(BigFraction.ZERO)) {
      throw new IllegalArgumentException(where + ": the size of " + m.group(1) + " must not be zero");
    }
    List<String> aliases = m.group(4).isBlank() ? List.of() : Arrays.asList(m.group(4).strip().split("\\s+"));
    return new Unit(m.group(1), m.group(2), size, aliases);
  }

  /** A decimal as an exact fraction. */
  public static BigFraction exact(String decimal) {
    BigDecimal d = new BigDecimal(decimal);
    return d.scale() <= 0
        ? new BigFraction(d.toBigIntegerExact())
        : new BigFraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  /** The unit a request or a step names: a symbol (exact case first), or an alias (any case). */
  public Optional<Unit> find(String name) {
    String n = name.strip();
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    Unit u = bySymbol.get(n);
    return u != null ? Optional.of(u) : Optional.ofNullable(byName.get(n.toLowerCase(Locale.ROOT)));
  }

  /** The unit with this symbol (exactly). */
  public Optional<Unit> bySymbol(String symbol) {
    return Optional.ofNullable(bySymbol.get(symbol));
  }

  /** Every unit, in catalogue order. */
  public Collection<Unit> units() {
    return bySymbol.values();
  }
}
