package io.stepcache.packs.json.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that catch a grounded value taken from the wrong span (negated, shared, implausible for
 * its key), the unresolved step, and the promotion of determined values; real Drools through the
 * test kit.
 */
class TrustRulesTest {

  private static final String HOTEL = "The hotel was rated 4 out of 6.";
  private static final String GRAND = "Rate the Grand 1 (not 2) out of 6.";
  private static final String LYON = "A flat in Lyon has rented for €1980 a month since 2011; call +39 333 123 4567.";
  private static final String DANA = "Dana, 41, lives with her brother Sam, 45, in Austin, TX.";
  private static final String LAMP = "The lamp now costs $40, down from $55.";

  private static PackTestKit kit;

  @BeforeAll
  static void startKit() {
    kit = PackTestKit.forPack(new JsonTaskPack()).build();
  }

  @AfterAll
  static void closeKit() {
    kit.close();
  }

  private static Verification verify(String keys, String text, String... steps) {
    return kit.verify(TaskRequest.of("Extract " + keys + " as JSON from: \"" + text + "\""), List.of(steps));
  }

  private static List<String> codes(Verification v, int index) {
    return v.stepFailures().getOrDefault(index, List.of()).stream().map(Finding::code).toList();
  }

  @Test
  void negatedValue() {
    assertThat(codes(verify("rating", GRAND, "\"rating\": 2"), 0)).containsExactly("JSON_VALUE_NEGATED");
    assertThat(verify("rating", GRAND, "\"rating\": 1").passed()).isTrue();
    assertThat(codes(verify("price", LAMP, "\"price\": 55"), 0)).containsExactly("JSON_VALUE_NEGATED");
    assertThat(verify("price", LAMP, "\"price\": 40").passed()).isTrue();
    String moved = "Ann no longer lives in Paris; she lives in Rome.";
    assertThat(codes(verify("city", moved, "\"city\": \"Paris\""), 0)).containsExactly("JSON_VALUE_NEGATED");
    assertThat(verify("city", moved, "\"city\": \"Rome\"").passed()).isTrue();
    String was = "The fee was 5, now 4.";
    assertThat(codes(verify("fee", was, "\"fee\": 5"), 0)).containsExactly("JSON_VALUE_NEGATED");
    assertThat(verify("fee", was, "\"fee\": 4").passed()).isTrue();
    assertThat(verify("city", "The inn is not far from Paris.", "\"city\": \"Paris\"").passed())
        .as("'not far from' does not negate Paris").isTrue();
  }

  @Test
  void aValueNegatedOnceButAssertedElsewherePasses() {
    assertThat(verify("rating", "Not 5: the rating is 5 out of 6.", "\"rating\": 5").passed()).isTrue();
  }

  @Test
  void sharedOccurrence() {
    String rooms = "Rooms sleep 2 to 6 guests.";
    Verification shared = verify("min and max", rooms, "\"min\": 6", "\"max\": 6");
    assertThat(codes(shared, 0)).containsExactly("JSON_VALUE_SHARED");
    assertThat(codes(shared, 1)).containsExactly("JSON_VALUE_SHARED");
    assertThat(shared.stepFailures().get(0).get(0).reason()).contains("\"max\"");
    assertThat(verify("min and max", rooms, "\"min\": 2", "\"max\": 6").passed()).isTrue();
    assertThat(verify("min and max", "Rooms sleep 6 to 6 guests.", "\"min\": 6", "\"max\": 6").passed())
        .as("two occurrences").isTrue();
  }

  @Test
  void implausibleYearRentAndAge() {
    Verification year = verify("year", LYON, "\"year\": 1980");
    assertThat(codes(year, 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(year.stepFailures().get(0).get(0).reason()).contains("amount");
    assertThat(verify("year", LYON, "\"year\": 2011").passed()).isTrue();

    assertThat(codes(verify("rent", LYON, "\"rent\": 2011"), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("rent", LYON, "\"rent\": 1980").passed()).isTrue();

    assertThat(codes(verify("age", LYON, "\"age\": 39"), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("age", DANA, "\"age\": 41").passed()).isTrue();
    assertThat(codes(verify("age", "Order 2150 shipped.", "\"age\": 2150"), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
  }

  @Test
  void implausibleRatingCityEmailPhoneDate() {
    assertThat(codes(verify("rating", HOTEL, "\"rating\": 6"), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("rating", HOTEL, "\"rating\": 4").passed()).isTrue();
    assertThat(codes(verify("rating", GRAND, "\"rating\": 6"), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");

    assertThat(codes(verify("city", DANA, "\"city\": \"TX\""), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("city", DANA, "\"city\": \"Austin\"").passed()).isTrue();

    String contact = "Write to Bo Li at bo@li.example or call 555-0123.";
    assertThat(codes(verify("email", contact, "\"email\": \"Bo Li\""), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("email", contact, "\"email\": \"bo@li.example\"").passed()).isTrue();
    assertThat(codes(verify("phone", contact, "\"phone\": \"Bo Li\""), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("phone", contact, "\"phone\": \"555-0123\"").passed()).isTrue();

    String due = "Due on 12 March 2024 in Oslo.";
    assertThat(codes(verify("date", due, "\"date\": \"Oslo\""), 0)).containsExactly("JSON_VALUE_IMPLAUSIBLE");
    assertThat(verify("date", due, "\"date\": \"12 March 2024\"").passed()).isTrue();
  }

  @Test
  void keysWithAnotherHeadWordHaveNoSemantic() {
    assertThat(verify("totalGuests", "Total: $120 for 4 guests.", "\"totalGuests\": 4").passed()).isTrue();
    assertThat(verify("ageGroup", "Call +39 333 123 4567.", "\"ageGroup\": 39").passed()).isTrue();
  }

  @Test
  void unresolvedStepFailsOnlyNotRegrounded() {
    Verification v = verify("name and rating", HOTEL, "\"name\": \"hotel\"", "\"rating\": <unresolved>");
    assertThat(codes(v, 1)).containsExactly("JSON_VALUE_NOT_REGROUNDED");
    assertThat(v.stepFailures().get(1).get(0).reason()).contains("\"rating\"").contains("unambiguously");
    assertThat(v.stepPassed(0)).isTrue();
  }

  @Test
  void theOnlyValueOfItsClassIsPromoted() {
    String contact = "Write to Bo Li at bo@li.example or call 555-0123.";
    Verification email = verify("name and email", contact, "\"name\": \"Bo Li\"", "\"email\": \"bo@li.example\"");
    assertThat(email.passed()).isTrue();
    assertThat(email.promotedSteps()).containsExactly(1);
    assertThat(verify("year", LYON, "\"year\": 2011").promotedSteps()).containsExactly(0);
    assertThat(verify("rent", LYON, "\"rent\": 1980").promotedSteps()).containsExactly(0);
    assertThat(verify("age", "Alice Smith is 31 years old.", "\"age\": 31").promotedSteps()).containsExactly(0);
    assertThat(verify("phone", LYON, "\"phone\": \"+39 333 123 4567\"").promotedSteps()).containsExactly(0);
  }

  @Test
  void nothingIsPromotedWhenAnotherValueOfTheClassExistsOrTheClassIsUnknown() {
    String films = "The film came out in 1995 and was remastered in 2012.";
    assertThat(verify("year", films, "\"year\": 1995").promotedSteps()).isEmpty();
    assertThat(verify("name and city", DANA, "\"name\": \"Dana\"", "\"city\": \"Austin\"").promotedSteps()).isEmpty();
    assertThat(verify("age", DANA, "\"age\": 41").promotedSteps()).as("two ages, none marked").isEmpty();
    assertThat(verify("age", "Dana, aged 41, lives with Sam, 45.", "\"age\": 41").promotedSteps())
        .as("another age-like number").isEmpty();
    assertThat(verify("price", LAMP, "\"price\": 40").promotedSteps()).as("two amounts").isEmpty();
    String twoMails = "Mail a@x.example or b@x.example.";
    assertThat(verify("email", twoMails, "\"email\": \"a@x.example\"").promotedSteps()).isEmpty();
  }

  @Test
  void aFailingStepIsNeverPromoted() {
    String contact = "Write to bo@li.example.";
    Verification v = verify("email and mail", contact, "\"email\": \"bo@li.example\"", "\"mail\": \"bo@li.example\"");
    assertThat(codes(v, 0)).contains("JSON_VALUE_SHARED");
    assertThat(v.promotedSteps()).isEmpty();
  }
}
