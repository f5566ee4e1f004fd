package io.stepcache.packs.units;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Verification;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DRL rules, one wrong step at a time (PackTestKit.verify runs them exactly as the engine does). */
class UnitRulesTest {

  private final PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).build();
  private final TaskRequest request = TaskRequest.of("Convert 5 km to miles");

  @AfterEach
  void close() {
    kit.close();
  }

  private Verification verify(String... steps) {
    return kit.verify(request, List.of(steps));
  }

  @Test
  void theCanonicalAnswerPasses() {
    assertThat(verify("1 km = 0.621371 mi", "5 km × 0.621371 = 3.10686 mi", "Answer: 3.10686 mi").passed()).isTrue();
    // other spellings of the same content pass too
    assertThat(verify("1 km = 0.621371 miles", "5 kilometres x 0.621371 = 3.10686 mi", "answer: 3.10686 mi.").passed())
        .isTrue();
  }

  @Test
  void eachKindOfMistakeIsReportedOnItsStep() {
    assertThat(codes(verify("1 km = 0.62 mi", "5 km × 0.621371 = 3.10686 mi", "Answer: 3.10686 mi")))
        .containsExactly("step 1: UNIT_FACTOR_WRONG");
    assertThat(codes(verify("1 km = 0.621371 mi", "6 km × 0.621371 = 3.72823 mi", "Answer: 3.10686 mi")))
        .containsExactly("step 2: UNIT_VALUE_WRONG", "step 2: UNIT_RESULT_WRONG");
    assertThat(codes(verify("1 km = 0.621371 mi", "5 km × 0.621371 = 3.20686 mi", "Answer: 3.10686 mi")))
        .containsExactly("step 2: UNIT_ARITHMETIC", "step 2: UNIT_RESULT_WRONG");
    assertThat(codes(verify("1 km = 0.621371 mi", "5 km × 0.621371 = 3.10686 mi", "Answer: 3.1 mi")))
        .containsExactly("step 3: UNIT_RESULT_WRONG");
    assertThat(codes(verify("1 km = 0.621371 mi", "5 km × 0.621371 = 3.10686 mi", "Answer: 3.10686 km")))
        .containsExactly("step 3: UNIT_ANSWER_UNIT");
    assertThat(codes(verify("1 m = 3.28084 ft", "5 km × 0.621371 = 3.10686 mi", "Answer: 3.10686 mi")))
        .containsExactly("step 1: UNIT_WRONG_UNITS");
  }

  @Test
  void theShapeOfTheAnswerIsChecked() {
    assertThat(codes(verify("5 km is about 3.1 miles", "Answer: 3.10686 mi")))
        .contains("step 1: UNIT_STEP_UNREADABLE", "UNIT_SHAPE");
    assertThat(codes(verify("1 km = 0.621371 mi", "5 km × 0.621371 = 3.10686 mi")))
        .contains("UNIT_SHAPE", "ANSWER_MISSING");
  }

  @Test
  void theGuardSkipsAnotherDimension() {
    Signature km = kit.analyse("Convert 5 km to miles");
    Signature kg = kit.analyse("Convert 5 kg to pounds");
    Signature ft = kit.analyse("Convert 5 ft to m");
    assertThat(kit.guard(km, kg).skipReasons()).extracting(f -> f.code()).containsExactly("UNIT_DIMENSION_CHANGED");
    assertThat(kit.guard(km, ft).skipReasons()).isEmpty();
  }

  /** "step 2: UNIT_ARITHMETIC" for step findings, the bare code for output findings. */
  private static List<String> codes(Verification v) {
    return v.messages().stream().map(m -> m.replaceAll("^((?:step \\d+: )?[A-Z_]+).*$", "$1")).toList();
  }
}
