package io.stepcache.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.client.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the mapper makes of each kind of error body (over HTTP: StepCacheClientOverHttpTest). */
class ProblemExceptionMapperTest {

  private static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

  private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

  @Test
  void handlesEveryErrorStatusAndNoSuccess() {
    assertThat(mapper.handles(400, new MultivaluedHashMap<>())).isTrue();
    assertThat(mapper.handles(503, new MultivaluedHashMap<>())).isTrue();
    assertThat(mapper.handles(200, new MultivaluedHashMap<>())).isFalse();
    assertThat(mapper.handles(304, new MultivaluedHashMap<>())).isFalse();
  }

  @Test
  void readsAProblemBody() {
    assertThat(ProblemExceptionMapper.parse(PROBLEM_JSON, """
        {"type":"https://stepcache.io/problems/prompt-empty","title":"Prompt is empty","status":400,
         "detail":"'prompt' is required and must not be empty or blank","code":"PROMPT_EMPTY"}"""))
        .hasValue(new Problem("https://stepcache.io/problems/prompt-empty", "Prompt is empty", 400,
            "'prompt' is required and must not be empty or blank", "PROMPT_EMPTY", null, null));
    assertThat(ProblemExceptionMapper.parse(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"),
        "{\"status\": 500, \"code\": \"INTERNAL\", \"incident\": \"i-7\"}"))
        .hasValueSatisfying(p -> assertThat(p.incident()).isEqualTo("i-7"));
  }

  @Test
  void refusesBodiesThatAreNoProblem() {
    assertThat(ProblemExceptionMapper.parse(PROBLEM_JSON, "{\"title\": \"no code\"}")).isEmpty();
    assertThat(ProblemExceptionMapper.parse(PROBLEM_JSON, "<html>oops</html>")).isEmpty();
    assertThat(ProblemExceptionMapper.parse(MediaType.TEXT_HTML_TYPE, "{\"code\": \"X\"}")).isEmpty();
    assertThat(ProblemExceptionMapper.parse(null, "{\"code\": \"X\"}")).isEmpty();
    assertThat(ProblemExceptionMapper.parse(PROBLEM_JSON, "")).isEmpty();
  }

  @Test
  void makesUpAProblemForAnAnswerWithout() {
    Problem p = ProblemExceptionMapper.noProblemBody(502, "Bad Gateway", MediaType.TEXT_HTML_TYPE,
        "<html>" + "x".repeat(500) + "</html>");

    assertThat(p.code()).isEqualTo("HTTP_502");
    assertThat(p.status()).isEqualTo(502);
    assertThat(p.title()).isEqualTo("Bad Gateway");
    assertThat(p.detail()).startsWith("HTTP 502 without a problem body (text/html): <html>xxx").endsWith("...")
        .hasSizeLessThan(ProblemExceptionMapper.EXCERPT + 60);
    assertThat(ProblemExceptionMapper.noProblemBody(500, null, null, "").detail())
        .isEqualTo("HTTP 500 without a problem body");
  }

  @Test
  void readsRetryAfterInSeconds() {
    assertThat(ProblemExceptionMapper.retryAfter("5")).isEqualTo(Duration.ofSeconds(5));
    assertThat(ProblemExceptionMapper.retryAfter(null)).isNull();
    assertThat(ProblemExceptionMapper.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
    assertThat(ProblemExceptionMapper.retryAfter("-1")).isNull();
  }
}
