package io.stepcache.bench.workload;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.workload.Truth.JsonSource;
import io.stepcache.bench.workload.Truth.JsonTruth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The JSON-extraction family: ten record types (person, contact, book, film, purchase, order,
 * event, employee, album, rental), each a short text with values drawn from pools. Even base ids
 * send a JSON Schema (keys and types from it), odd ones name the keys in the prompt. Perturbations:
 *
 * <ul>
 *   <li>CONSTANTS: other values in the text (one, two, or all of the requested ones);
 *   <li>VARIABLE: other names for one, two or all keys (synonyms: {@code name} / {@code full_name});
 *   <li>SCHEMA: an added required key (sent in {@code requiredKeys} or the schema), a dropped key, a
 *       replaced key;
 *   <li>WORDING: the same request phrased another way;
 *   <li>SEMANTIC: a numeric key asked as a string ({@code "age": "31"} instead of {@code 31}): a
 *       schema that changes the answer's type, so the old answer is wrong.
 * </ul>
 *
 * <p>Over 350 lines on purpose: 200 of them are the family's data (the concepts with their synonyms and
 * types, the ten record types with their texts, the phrasings, the value pools); the generator reads all of
 * it, and a newcomer changing one record type finds its template, keys and pools in one place.
 */
final class JsonWorkload {

  /** What a key means, its possible names (first is the usual one), and its JSON type. */
  enum Concept {
    NAME("string", "name", "full_name", "person_name", "fullName"),
    AUTHOR("string", "author", "author_name", "authorName", "writer_name"),
    AGE("integer", "age", "age_years", "ageYears", "person_age"),
    CITY("string", "city", "location", "home_city", "place"),
    EMAIL("string", "email", "mail", "email_address", "contactEmail"),
    PHONE("string", "phone", "phone_number", "mobile", "tel"),
    YEAR("integer", "year", "release_year", "year_published", "releaseYear"),
    TITLE("string", "title", "work_title", "titleText", "main_title"),
    PRICE("number", "price", "amount", "cost", "total_price"),
    TOTAL("number", "total", "amount", "total_price", "cost"),
    PRODUCT("string", "product"),
    QUANTITY("integer", "quantity"),
    CUSTOMER("string", "customer"),

    // the adversarial workload (AdversarialTexts): requested concepts and, without key names, the
    // distractors beside them in the text (never asked for, the same type as a requested value)
    HOTEL("string", "hotel", "hotel_name", "hotelName", "property"),
    RATING("integer", "rating", "score", "guest_rating", "stars"),
    RATING_MAX("integer"),
    RATING_NOT("integer"),
    RESTAURANT("string", "restaurant", "restaurant_name", "venue", "restaurantName"),
    PARTY("integer", "party_size", "guests", "covers", "partySize"),
    OLD_PARTY("integer"),
    TIME("string", "time", "booking_time", "reservation_time", "bookingTime"),
    OLD_TIME("string"),
    DAY("string", "day", "weekday", "booking_day"),
    ITEM("string", "product", "item", "product_name", "article"),
    NEW_PRICE("number", "price", "current_price", "amount", "cost"),
    OLD_PRICE("number"),
    OTHER_ITEM("string"),
    RESIDENT("string", "name", "full_name", "person_name", "fullName"),
    RESIDENT_AGE("integer", "age", "age_years", "ageYears", "person_age"),
    BROTHER("string"),
    BROTHER_AGE("integer"),
    HOME_CITY("string", "city", "location", "home_city", "place"),
    STATE("string", "state", "state_code", "region"),
    FLAT_CITY("string", "city", "location", "town", "place"),
    NEAR_CITY("string"),
    RENT("number", "price", "rent", "monthly_rent", "cost"),
    SINCE_YEAR("integer", "year", "since_year", "start_year", "year_from");

    final String type;
    final List<String> names;

    Concept(String type, String... names) {
      this.type = type;
      this.names = List.of(names);
    }

    boolean numeric() {
      return !type.equals("string");
    }
  }

  /**
   * A record type: the entity noun, the keys a base asks for, one more key whose value the text
   * also holds (for SCHEMA perturbations), and the text template ({@code {NAME}} ... placeholders,
   * {@code {FIRST}} for the first name, {@code {ORDER}} for an order number). Adversarial domains
   * also name distractors: values drawn before the keys (so a key's value can be drawn unlike
   * them) that stand in the text beside the true values with the same type, and are never asked
   * for.
   */
  enum Domain {
    PERSON("person", List.of(Concept.NAME, Concept.AGE, Concept.CITY), Concept.EMAIL,
        "{NAME} is {AGE} years old and lives in {CITY}. {FIRST} can be reached at {EMAIL}."),
    CONTACT("contact", List.of(Concept.NAME, Concept.EMAIL, Concept.AGE), Concept.PHONE,
        "Contact {NAME} ({AGE} years old) at {EMAIL} or call {PHONE}."),
    BOOK("book", List.of(Concept.TITLE, Concept.AUTHOR, Concept.YEAR), Concept.CITY,
        "{AUTHOR} wrote the novel {TITLE} in {YEAR} while living in {CITY}."),
    FILM("film", List.of(Concept.TITLE, Concept.YEAR, Concept.CITY), Concept.PRICE,
        "The film {TITLE} was shot in {CITY} in {YEAR}, and tickets cost ${PRICE}."),
    PURCHASE("purchase", List.of(Concept.NAME, Concept.YEAR, Concept.PRICE), Concept.CITY,
        "{NAME} bought a used car in {YEAR} for ${PRICE} from a dealer in {CITY}."),
    ORDER("order", List.of(Concept.PRODUCT, Concept.QUANTITY, Concept.TOTAL), Concept.CUSTOMER,
        "Order {ORDER}: product is {PRODUCT}, quantity is {QUANTITY}, customer is {CUSTOMER}, and the total comes to ${TOTAL}."),
    EVENT("event", List.of(Concept.NAME, Concept.CITY, Concept.YEAR), Concept.EMAIL,
        "{NAME} will give the keynote in {CITY} in {YEAR}; questions go to {EMAIL}."),
    EMPLOYEE("employee", List.of(Concept.NAME, Concept.AGE, Concept.CITY, Concept.EMAIL), Concept.PHONE,
        "{NAME}, aged {AGE}, works remotely from {CITY} and answers mail at {EMAIL} or on {PHONE}."),
    ALBUM("album", List.of(Concept.TITLE, Concept.YEAR), Concept.PRICE,
        "The album {TITLE} came out in {YEAR} and now sells for ${PRICE}."),
    RENTAL("rental", List.of(Concept.CITY, Concept.PRICE, Concept.YEAR), Concept.PHONE,
        "A two-room flat in {CITY} has rented for \u20ac{PRICE} a month since {YEAR}; call {PHONE} to view it."),

    // adversarial: each true value has a same-typed twin in the text
    HOTEL_RATING("review", List.of(Concept.HOTEL, Concept.RATING), Concept.CITY,
        List.of(Concept.RATING_MAX, Concept.RATING_NOT),
        "Guests rated the {HOTEL} hotel in {CITY} {RATING} (not {RATING_NOT}) out of {RATING_MAX}."),
    BOOKING("booking", List.of(Concept.RESTAURANT, Concept.PARTY, Concept.TIME), Concept.DAY,
        List.of(Concept.OLD_PARTY, Concept.OLD_TIME),
        "Table for {PARTY} at {RESTAURANT} on {DAY} at {TIME}; it was booked for {OLD_PARTY} at {OLD_TIME},"
            + " now {PARTY}."),
    PRICE_DROP("product", List.of(Concept.ITEM, Concept.NEW_PRICE), Concept.CITY,
        List.of(Concept.OLD_PRICE, Concept.OTHER_ITEM),
        "The {ITEM} now costs ${NEW_PRICE} at our {CITY} store, down from ${OLD_PRICE}; the {OTHER_ITEM} is"
            + " unchanged."),
    SIBLINGS("person", List.of(Concept.RESIDENT, Concept.RESIDENT_AGE, Concept.HOME_CITY), Concept.STATE,
        List.of(Concept.BROTHER, Concept.BROTHER_AGE),
        "{RESIDENT}, {RESIDENT_AGE}, lives with her brother {BROTHER}, {BROTHER_AGE}, in {HOME_CITY}, {STATE}."),
    FLAT("rental", List.of(Concept.FLAT_CITY, Concept.RENT, Concept.SINCE_YEAR), Concept.PHONE,
        List.of(Concept.NEAR_CITY),
        "A flat in {FLAT_CITY}, an hour from {NEAR_CITY}, has rented for \u20ac{RENT} a month since"
            + " {SINCE_YEAR}; call {PHONE} to view it.");

    /** The paper workload's ten record types, in the order its seeds shuffle them. */
    static final List<Domain> PAPER =
        List.of(PERSON, CONTACT, BOOK, FILM, PURCHASE, ORDER, EVENT, EMPLOYEE, ALBUM, RENTAL);
    /** The adversarial workload's record types: every true value beside a same-typed distractor. */
    static final List<Domain> ADVERSARIAL = List.of(HOTEL_RATING, BOOKING, PRICE_DROP, SIBLINGS, FLAT);

    final String entity;
    final List<Concept> keys;
    final Concept extra;
    final List<Concept> distractors;
    final String text;

    Domain(String entity, List<Concept> keys, Concept extra, String text) {
      this(entity, keys, extra, List.of(), text);
    }

    Domain(String entity, List<Concept> keys, Concept extra, List<Concept> distractors, String text) {
      this.entity = entity;
      this.keys = keys;
      this.extra = extra;
      this.distractors = distractors;
      this.text = text;
    }
  }

  /** Phrasings for prompts that name their keys: {@code {K}} "a, b and c", {@code {L}} "a, b, c". */
  static final List<String> KEYED_PHRASINGS = List.of(
      "Extract {K} as JSON from: \"{T}\"",
      "Give me JSON ({L}) for this text: {T}",
      "Return a JSON object with {K} based on the following text: {T}",
      "Read the text below and produce a JSON object with keys {L}.\n{T}",
      "Pull out {K} into JSON: {T}",
      "From the text that follows, extract the fields {K} as JSON: {T}",
      "Convert this text to JSON with {K}: {T}",
      "I need a JSON object containing {K}. Text: {T}");

  /** Phrasings for prompts whose keys come from the schema: {@code {E}} is the entity noun. */
  static final List<String> SCHEMA_PHRASINGS = List.of(
      "Extract the {E} described below as JSON: {T}",
      "Describe the {E} below as a JSON object: {T}",
      "Return JSON for the following {E}: {T}",
      "Fill in the JSON for this {E}.\n{T}",
      "Turn this {E} description into JSON: {T}",
      "Here is a {E} record; give it back as JSON: {T}",
      "Produce a JSON object for the {E} in this text: {T}",
      "Parse the {E} below into JSON: {T}");

  private static final List<String> FIRST = List.of(
      "Alice", "Bruno", "Chen", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena",
      "Mateo", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tomas", "Ursula", "Viktor", "Wen", "Yara");
  private static final List<String> LAST = List.of(
      "Smith", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Rossi", "Novak", "Garcia",
      "Fischer", "Mensah", "Duarte", "Petrov", "Jansen", "Costa", "Nguyen", "Walsh", "Ibrahim", "Berg");
  private static final List<String> CITIES = List.of(
      "Paris", "Lisbon", "Oslo", "Nairobi", "Montreal", "Kyoto", "Vienna", "Porto", "Dublin", "Seville",
      "Krakow", "Lyon", "Denver", "Auckland", "Tallinn", "Bergen", "Valencia", "Ghent", "Quito", "Adelaide");
  private static final List<String> TITLE_A = List.of(
      "Silent", "Blue", "Northern", "Paper", "Hidden", "Golden", "Winter", "Broken", "Distant", "Quiet",
      "Iron", "Velvet", "Crimson", "Hollow", "Wild");
  private static final List<String> TITLE_B = List.of(
      "Harbor", "Meridian", "Lights", "Garden", "River", "Orchard", "Signal", "Compass", "Shore", "Lantern",
      "Bridge", "Season", "Atlas", "Mirror", "Tide");
  private static final List<String> PRODUCTS = List.of(
      "Desk Lamp", "Office Chair", "Coffee Grinder", "Monitor Stand", "Water Bottle", "Bike Helmet",
      "Travel Mug", "Phone Case", "Wall Clock", "Garden Hose");
  private static final List<String> DOMAINS = List.of("example.com", "example.org", "mail.example", "corp.example");

  private final SplittableRandom rnd;

  JsonWorkload(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  /** One key of a request: its concept, its name, and the schema type it is asked in. */
  record Key(Concept concept, String name, String type) {
    Key renamed(String newName) {
      return new Key(concept, newName, type);
    }

    Key typed(String newType) {
      return new Key(concept, name, newType);
    }
  }

  /** Everything that makes one request; perturbations change one part. */
  record Spec(Domain domain, List<Key> keys, Map<Concept, String> values, boolean schema,
      boolean schemaPhrased, boolean keysInRequiredField, int phrasing, String orderNumber) {

    Spec with(List<Key> newKeys) {
      return new Spec(domain, newKeys, values, schema, schemaPhrased, false, phrasing, orderNumber);
    }

    Spec with(Map<Concept, String> newValues) {
      return new Spec(domain, keys, newValues, schema, schemaPhrased, false, phrasing, orderNumber);
    }

    Spec phrased(int newPhrasing) {
      return new Spec(domain, keys, values, schema, schemaPhrased, false, newPhrasing, orderNumber);
    }

    /** The same spec sent with a schema (keyed prompts keep their phrasing). */
    Spec withSchema(List<Key> newKeys) {
      return new Spec(domain, newKeys, values, true, schemaPhrased, false, phrasing, orderNumber);
    }

    /** The keys sent in {@code requiredKeys} too (prompt unchanged but the last key). */
    Spec inRequiredKeys(List<Key> newKeys) {
      return new Spec(domain, newKeys, values, schema, schemaPhrased, true, phrasing, orderNumber);
    }
  }

  /** A base prompt for {@code domain} and its perturbations, base first, perturbations shuffled. */
  List<BenchRequest> group(int baseId, Domain domain, boolean withSchema, int phrasing, int variants) {
    Map<Concept, String> values = new EnumMap<>(Concept.class);
    for (Concept c : domain.distractors) {
      values.put(c, draw(c, values));
    }
    for (Concept c : domain.keys) {
      values.put(c, draw(c, values));
    }
    values.put(domain.extra, draw(domain.extra, values));
    List<Key> keys = new ArrayList<>();
    for (Concept c : domain.keys) {
      keys.add(new Key(c, c.names.get(0), c.type));
    }
    String order = Integer.toString(rnd.nextInt(1000, 9999));
    Spec base = new Spec(domain, keys, values, withSchema, withSchema, false, phrasing, order);
    List<BenchRequest> perturbed = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    seen.add(signature(base));

    // CONSTANTS: 1, 2, then all requested values change
    for (int v = 0; v < variants; v++) {
      int changes = Math.min(keys.size(), v + 1 == variants ? keys.size() : v + 1);
      Spec s;
      do {
        Map<Concept, String> nv = new EnumMap<>(values);
        for (Concept c : Generator.shuffled(rnd, domain.keys).subList(0, changes)) {
          String fresh;
          do {
            fresh = draw(c, nv);
          } while (fresh.equals(values.get(c)));
          nv.put(c, fresh);
        }
        AdversarialValues.derive(nv);
        s = base.with(nv);
      } while (seen.contains(signature(s)));
      seen.add(signature(s));
      perturbed.add(request(baseId, Perturbation.CONSTANTS, v, s));
    }

    // VARIABLE: rename 1, 2, then every key that has other names
    List<Integer> renamable = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).concept().names.size() > 1) {
        renamable.add(i);
      }
    }
    for (int v = 0; v < variants && !renamable.isEmpty(); v++) {
      int changes = Math.min(renamable.size(), v + 1 == variants ? renamable.size() : v + 1);
      Spec s;
      int guard = 0;
      do {
        List<Key> nk = new ArrayList<>(keys);
        for (int i : Generator.shuffled(rnd, renamable).subList(0, changes)) {
          List<String> others = new ArrayList<>(nk.get(i).concept().names);
          others.remove(nk.get(i).name());
          others.removeIf(n -> nk.stream().anyMatch(k -> k.name().equals(n)));
          nk.set(i, nk.get(i).renamed(others.get(rnd.nextInt(others.size()))));
        }
        s = base.with(nk);
      } while (seen.contains(signature(s)) && ++guard < 50);
      seen.add(signature(s));
      perturbed.add(request(baseId, Perturbation.VARIABLE, v, s));
    }

    // SCHEMA: add the extra key, drop one, replace one with the extra
    Key extra = new Key(domain.extra, domain.extra.names.get(0), domain.extra.type);
    for (int v = 0; v < variants; v++) {
      List<Key> nk = new ArrayList<>(keys);
      Spec s;
      switch (v % 3) {
        case 0 -> {
          nk.add(extra);
          // keyed prompts stay the same and requiredKeys carries all keys; schemas get the property
          s = withSchema ? base.with(nk) : base.inRequiredKeys(nk);
        }
        case 1 -> {
          nk.remove(1 + rnd.nextInt(nk.size() - 1));
          s = base.with(nk);
        }
        default -> {
          nk.set(1 + rnd.nextInt(nk.size() - 1), extra);
          s = base.with(nk);
        }
      }
      perturbed.add(request(baseId, Perturbation.SCHEMA, v, s));
    }

    // WORDING: other phrasings, nothing else changes
    int phrasings = withSchema ? SCHEMA_PHRASINGS.size() : KEYED_PHRASINGS.size();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < phrasings; i++) {
      if (i != phrasing) {
        others.add(i);
      }
    }
    others = Generator.shuffled(rnd, others);
    for (int v = 0; v < variants; v++) {
      perturbed.add(request(baseId, Perturbation.WORDING, v, base.phrased(others.get(v % others.size()))));
    }

    // SEMANTIC: a numeric key asked as a string (with a schema, so the type is part of the request)
    List<Integer> numeric = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).concept().numeric()) {
        numeric.add(i);
      }
    }
    for (int v = 0; v < variants && !numeric.isEmpty(); v++) {
      List<Key> nk = new ArrayList<>(keys);
      int i = numeric.get(v % numeric.size());
      nk.set(i, nk.get(i).typed("string"));
      Spec s = base.withSchema(nk);
      if (v >= numeric.size()) {
        s = s.phrased(others.get((v + variants) % others.size())); // same key again, other words
      }
      perturbed.add(request(baseId, Perturbation.SEMANTIC, v, s));
    }

    List<BenchRequest> group = new ArrayList<>();
    group.add(request(baseId, Perturbation.BASE, 0, base));
    group.addAll(Generator.shuffled(rnd, perturbed));
    return group;
  }

  private static String signature(Spec s) {
    return s.keys() + "|" + s.values() + "|" + s.phrasing() + "|" + s.schema();
  }

  private BenchRequest request(int baseId, Perturbation kind, int variant, Spec s) {
    String text = text(s);
    String schema = s.schema() ? schema(s.keys()) : null;
    String prompt;
    List<String> keyNames = s.keys().stream().map(Key::name).toList();
    if (s.schemaPhrased()) {
      prompt = SCHEMA_PHRASINGS.get(s.phrasing()).replace("{E}", s.domain().entity).replace("{T}", text);
    } else {
      List<String> promptKeys = keyNames;
      if (s.keysInRequiredField()) {
        promptKeys = keyNames.subList(0, keyNames.size() - 1);
      }
      prompt = KEYED_PHRASINGS.get(s.phrasing())
          .replace("{K}", Generator.naturalList(promptKeys))
          .replace("{L}", String.join(", ", promptKeys))
          .replace("{T}", text);
    }
    Map<String, Object> expected = new LinkedHashMap<>();
    for (Key k : s.keys()) {
      String raw = s.values().get(k.concept());
      expected.put(k.name(), k.type().equals("string") ? raw : new BigDecimal(raw));
    }
    return new BenchRequest(-1, Family.JSON_EXTRACTION, baseId, kind, variant, prompt, schema,
        s.keysInRequiredField() ? keyNames : List.of(), new JsonTruth(expected, schema, source(text, s)));
  }

  /**
   * What the text says, for a model that reads it right: every value in it by concept (typed by the
   * concept), and every name of those concepts, the request's own key names first.
   */
  private static JsonSource source(String text, Spec s) {
    Map<String, Object> values = new LinkedHashMap<>();
    s.values().forEach((c, raw) -> values.put(c.name(), c.numeric() ? new BigDecimal(raw) : raw));
    Map<String, String> conceptByKey = new LinkedHashMap<>();
    for (Key k : s.keys()) {
      conceptByKey.put(k.name(), k.concept().name());
    }
    for (Concept c : s.values().keySet()) {
      for (String name : c.names) {
        conceptByKey.putIfAbsent(name, c.name());
      }
    }
    return new JsonSource(text, values, conceptByKey);
  }

  private static String text(Spec s) {
    String t = s.domain().text;
    for (Map.Entry<Concept, String> e : s.values().entrySet()) {
      t = t.replace("{" + e.getKey().name() + "}", e.getValue());
    }
    String name = s.values().getOrDefault(Concept.NAME, "");
    t = t.replace("{FIRST}", name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name);
    return t.replace("{ORDER}", s.orderNumber());
  }

  /** A closed object schema: every key required, with its type. */
  static String schema(List<Key> keys) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Key k : keys) {
      properties.put(k.name(), Map.of("type", k.type()));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", keys.stream().map(Key::name).toList());
    schema.put("additionalProperties", false);
    return Json.write(schema);
  }

  private String draw(Concept c, Map<Concept, String> taken) {
    return switch (c) {
      case NAME, AUTHOR, CUSTOMER -> pick(FIRST) + " " + pick(LAST);
      case AGE -> Integer.toString(rnd.nextInt(19, 80));
      case CITY -> pick(CITIES);
      case EMAIL -> {
        String person = taken.getOrDefault(Concept.NAME, pick(FIRST) + " " + pick(LAST));
        String local = person.toLowerCase(Locale.ROOT).replace(' ', '.');
        yield (rnd.nextBoolean() ? local : local.substring(0, local.indexOf('.')) + rnd.nextInt(10, 99))
            + "@" + pick(DOMAINS);
      }
      case PHONE -> "+" + rnd.nextInt(1, 50) + " " + rnd.nextInt(100, 999) + " " + rnd.nextInt(100, 999)
          + " " + rnd.nextInt(1000, 9999);
      case YEAR -> Integer.toString(rnd.nextInt(1960, 2025));
      case TITLE -> pick(TITLE_A) + " " + pick(TITLE_B);
      case PRICE, TOTAL -> rnd.nextBoolean()
          ? Integer.toString(rnd.nextInt(5, 9000))
          : rnd.nextInt(5, 500) + "." + String.format(Locale.ROOT, "%02d", rnd.nextInt(1, 100));
      case PRODUCT -> pick(PRODUCTS);
      case QUANTITY -> Integer.toString(rnd.nextInt(2, 25));
      default -> AdversarialValues.draw(c, taken, rnd);
    };
  }

  static final List<String> PRODUCT_POOL = PRODUCTS;
  static final List<String> CITY_POOL = CITIES;
  static final List<String> LAST_NAMES = LAST;

  private String pick(List<String> pool) {
    return pool.get(rnd.nextInt(pool.size()));
  }
}
