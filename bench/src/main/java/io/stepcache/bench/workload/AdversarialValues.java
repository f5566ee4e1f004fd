package io.stepcache.bench.workload;

import io.stepcache.bench.workload.JsonWorkload.Concept;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Values of the adversarial workload's concepts. Each true value is drawn unlike the distractor
 * already drawn beside it (the rating below the maximum and not the negated one, the corrected
 * party size not the old one, the current price below the old one and in the same form, her age
 * not her brother's, the flat's city not the nearby one), so a model that copies the distractor is
 * always wrong and the truth is exactly one reading of the text.
 */
final class AdversarialValues {

  private static final List<String> HOTELS = List.of(
      "Seaview", "Belmont", "Alder", "Marigold", "Harbourside", "Lindenhof", "Rosewood", "Kestrel", "Bellamy",
      "Ardmore", "Corvina", "Palisade");
  private static final List<String> RESTAURANTS = List.of(
      "Nopa", "Zuni", "Delfina", "Lupa", "Balthazar", "Canteen", "Odette", "Pastis", "Frantzen", "Mirazur",
      "Noma", "Septime");
  private static final List<String> TIMES = List.of("17:30", "18:00", "18:30", "19:00", "19:30", "20:00", "20:30", "21:00");
  private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
  private static final List<String> WOMEN = List.of(
      "Alice", "Dana", "Fatima", "Hana", "Julia", "Lena", "Nadia", "Priya", "Rosa", "Ursula", "Yara", "Wen");
  private static final List<String> MEN = List.of(
      "Bruno", "Chen", "Emeka", "Goran", "Ivan", "Kofi", "Mateo", "Oscar", "Quentin", "Samir", "Tomas", "Viktor");
  /** US cities with their state codes, city|code. */
  private static final List<String> US_CITIES = List.of(
      "Denver|CO", "Austin|TX", "Portland|OR", "Boise|ID", "Tucson|AZ", "Omaha|NE", "Madison|WI", "Raleigh|NC",
      "Savannah|GA", "Spokane|WA", "Richmond|VA", "Albany|NY");
  private static final List<Integer> RATING_SCALES = List.of(5, 6, 7, 10);

  private AdversarialValues() {}

  /** A value for {@code c}, unlike the distractors in {@code taken}. */
  static String draw(Concept c, Map<Concept, String> taken, SplittableRandom rnd) {
    return switch (c) {
      case HOTEL -> pick(HOTELS, rnd);
      case RATING_MAX -> Integer.toString(pick(RATING_SCALES, rnd));
      case RATING_NOT -> Integer.toString(rnd.nextInt(1, number(taken, Concept.RATING_MAX)));
      case RATING -> other(taken, Concept.RATING_NOT,
          () -> Integer.toString(rnd.nextInt(1, number(taken, Concept.RATING_MAX))));
      case RESTAURANT -> pick(RESTAURANTS, rnd);
      case OLD_PARTY -> Integer.toString(rnd.nextInt(2, 13));
      case PARTY -> other(taken, Concept.OLD_PARTY, () -> Integer.toString(rnd.nextInt(2, 13)));
      case OLD_TIME -> pick(TIMES, rnd);
      case TIME -> other(taken, Concept.OLD_TIME, () -> pick(TIMES, rnd));
      case DAY -> pick(DAYS, rnd);
      case OTHER_ITEM -> pick(JsonWorkload.PRODUCT_POOL, rnd);
      case ITEM -> other(taken, Concept.OTHER_ITEM, () -> pick(JsonWorkload.PRODUCT_POOL, rnd));
      case OLD_PRICE -> rnd.nextBoolean()
          ? Integer.toString(rnd.nextInt(20, 900))
          : rnd.nextInt(20, 500) + "." + cents(rnd);
      case NEW_PRICE -> {
        String old = taken.get(Concept.OLD_PRICE);
        int whole = old.contains(".") ? Integer.parseInt(old.substring(0, old.indexOf('.'))) : Integer.parseInt(old);
        int now = rnd.nextInt(5, whole);
        yield old.contains(".") ? now + "." + cents(rnd) : Integer.toString(now);
      }
      case BROTHER -> pick(MEN, rnd) + " " + pick(JsonWorkload.LAST_NAMES, rnd);
      case RESIDENT -> {
        String brother = taken.get(Concept.BROTHER);
        yield pick(WOMEN, rnd) + brother.substring(brother.indexOf(' '));
      }
      case BROTHER_AGE -> Integer.toString(rnd.nextInt(19, 80));
      case RESIDENT_AGE -> other(taken, Concept.BROTHER_AGE, () -> Integer.toString(rnd.nextInt(19, 80)));
      case HOME_CITY -> pick(US_CITIES, rnd).split("\\|")[0];
      case STATE -> stateOf(taken.get(Concept.HOME_CITY));
      case NEAR_CITY -> pick(JsonWorkload.CITY_POOL, rnd);
      case FLAT_CITY -> other(taken, Concept.NEAR_CITY, () -> pick(JsonWorkload.CITY_POOL, rnd));
      case RENT -> Integer.toString(rnd.nextInt(600, 2600));
      case SINCE_YEAR -> Integer.toString(rnd.nextInt(1995, 2024));
      default -> throw new IllegalArgumentException("no adversarial values for " + c);
    };
  }

  /** Recomputes values that follow from others (a city's state code) after some values changed. */
  static void derive(Map<Concept, String> values) {
    if (values.containsKey(Concept.STATE) && values.containsKey(Concept.HOME_CITY)) {
      values.put(Concept.STATE, stateOf(values.get(Concept.HOME_CITY)));
    }
  }

  private static String stateOf(String city) {
    for (String entry : US_CITIES) {
      String[] parts = entry.split("\\|");
      if (parts[0].equals(city)) {
        return parts[1];
      }
    }
    throw new IllegalArgumentException("no state for " + city);
  }

  /** A draw of {@code next} that differs from the distractor {@code twin}. */
  private static String other(Map<Concept, String> taken, Concept twin, java.util.function.Supplier<String> next) {
    String avoid = taken.get(twin);
    String v;
    do {
      v = next.get();
    } while (v.equals(avoid));
    return v;
  }

  private static int number(Map<Concept, String> taken, Concept c) {
    return Integer.parseInt(taken.get(c));
  }

  private static String cents(SplittableRandom rnd) {
    return String.format(Locale.ROOT, "%02d", rnd.nextInt(0, 100));
  }

  private static <T> T pick(List<T> pool, SplittableRandom rnd) {
    return pool.get(rnd.nextInt(pool.size()));
  }
}
