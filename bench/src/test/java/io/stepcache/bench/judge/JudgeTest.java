package io.stepcache.bench.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Family;
import io.stepcache.bench.workload.Perturbation;
import io.stepcache.bench.workload.Truth.JsonTruth;
import io.stepcache.bench.workload.Truth.MathTruth;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTest {

  private static final BenchRequest MATH = new BenchRequest(0, Family.MATH_LINEAR, 0, Perturbation.BASE, 0,
      "Solve 3x + 4 = 19.", null, List.of(), new MathTruth("x", 5, "3x + 4 = 19"));

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
      + "\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";

  private static BenchRequest json(String schema) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Alice Smith");
    expected.put("age", new BigDecimal("31"));
    return new BenchRequest(1, Family.JSON_EXTRACTION, 0, Perturbation.BASE, 0,
        "Extract name and age as JSON from: \"Alice Smith is 31 years old.\"", schema, List.of(),
        new JsonTruth(expected, schema));
  }

  private static Verdict judge(BenchRequest r, String output) {
    return Judge.judgeAny(r, output, null);
  }

  @Test
  void aCorrectSolutionPasses() {
    assertThat(judge(MATH, "Subtract 4 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 5").correct())
        .isTrue();
    assertThat(Judge.judgeAny(MATH, "Subtract 4 from both sides: 3x = 15\nAnswer: x = 5", "{\"x\":5}").correct()).isTrue();
  }

  @Test
  void mathJudgeCatchesWrongAnswers() {
    assertThat(judge(MATH, "Subtract 4 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 6"))
        .satisfies(v -> assertThat(v.correct()).isFalse())
        .satisfies(v -> assertThat(v.reason()).contains("wrong answer 6"));
    // right final answer, but a step with wrong arithmetic: the stitched output is inconsistent
    assertThat(judge(MATH, "Subtract 4 from both sides: 3x = 16\nDivide both sides by 3: x = 5\nAnswer: x = 5").reason())
        .contains("step 1 is inconsistent");
    assertThat(judge(MATH, "Subtract 4 from both sides: 3x = 15\nDivide both sides by 3: x = -5\nAnswer: x = 5").correct())
        .isFalse();
    assertThat(judge(MATH, "Subtract 4 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: y = 5").reason())
        .contains("unknown is x");
    assertThat(judge(MATH, "Subtract 4 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnsw").correct()).isFalse();
    assertThat(judge(MATH, "Divide both sides by 3: x = 5\nDivide both sides by 3: x = 5\nAnswer: x = 5").reason())
        .contains("repeated");
    assertThat(judge(MATH, "Answer: x = 5\nAnswer: x = 5").correct()).isFalse();
    assertThat(judge(MATH, "Answer: x = 5\nSubtract 4 from both sides: 3x = 15").correct()).isFalse();
    assertThat(judge(MATH, "").correct()).isFalse();
    assertThat(Judge.judgeAny(MATH, "Answer: x = 5", "{\"x\":6}").reason()).contains("disagrees");
  }

  @Test
  void aCorrectExtractionPasses() {
    assertThat(judge(json(null), "{\n  \"name\": \"Alice Smith\",\n  \"age\": 31\n}").correct()).isTrue();
    assertThat(judge(json(SCHEMA), "{\"age\": 31, \"name\": \"Alice Smith\"}").correct()).isTrue();
    assertThat(Judge.judgeAny(json(SCHEMA), "{\"name\": \"Alice Smith\", \"age\": 31}",
        "{\"name\":\"Alice Smith\",\"age\":31}").correct()).isTrue();
  }

  @Test
  void jsonJudgeCatchesWrongAnswers() {
    BenchRequest r = json(null);
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": 33}").reason()).contains("\"age\" is 33");
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": \"31\"}").correct()).isFalse();
    assertThat(judge(r, "{\"name\": \"Alice Smith\"}").reason()).contains("keys");
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": 31, \"city\": \"Paris\"}").correct()).isFalse();
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": 31").reason()).contains("not one strict JSON object");
    assertThat(judge(r, "{'name': 'Alice Smith', 'age': 31}").correct()).isFalse();
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": 31,}").correct()).isFalse();
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": 31, \"age\": 31}").correct()).isFalse();
    assertThat(judge(r, "{\"name\": null, \"age\": 31}").correct()).isFalse();
    assertThat(Judge.judgeAny(r, "{\"name\": \"Alice Smith\", \"age\": 31}", "{\"name\":\"Bob\",\"age\":31}").reason())
        .contains("disagrees");
  }

  @Test
  void jsonJudgeChecksTheSchema() {
    String stringAge = SCHEMA.replace("integer", "string");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Alice Smith");
    expected.put("age", "31");
    BenchRequest r = new BenchRequest(1, Family.JSON_EXTRACTION, 0, Perturbation.SEMANTIC, 0, "Extract the person"
        + " described below as JSON: Alice Smith is 31 years old.", stringAge, List.of(), new JsonTruth(expected, stringAge));
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": \"31\"}").correct()).isTrue();
    // the answer to the old request (age as a number) is wrong for this one
    assertThat(judge(r, "{\"name\": \"Alice Smith\", \"age\": 31}").correct()).isFalse();
  }

  @Test
  void theLinearReaderHandlesTheGeneratorsForms() {
    assertThat(LinearEquation.parse("3(x + 4) = 19").solution()).hasValueSatisfying(
        v -> assertThat(v).isCloseTo(7.0 / 3, org.assertj.core.data.Offset.offset(1e-12)));
    assertThat(LinearEquation.parse("x/3 - 4 = 2x + 1").solution()).isPresent();
    assertThat(LinearEquation.parse("7 - 2y = -3").variable()).isEqualTo("y");
    assertThat(LinearEquation.tryParse("x*x = 4")).isEmpty();
    assertThat(LinearEquation.tryParse("x + y = 4")).isEmpty();
    assertThat(LinearEquation.tryParse("3/x = 4")).isEmpty();
    assertThat(LinearEquation.parse("2x + 1 = 2x + 3").isDegenerate()).isTrue();
  }
}
