package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official {@code openai} npm client (4.x, pinned in {@code src/test/node/openai-sdk}) with its defaults
 * ({@code baseURL}, {@code apiKey}, {@code defaultHeaders}, {@code maxRetries: 0}) against the OpenAI door of the real
 * WAR on the simulated backend: a system message, a multi-turn chat, a stream with {@code include_usage},
 * {@code json_object}, every neutral parameter in one request, and refusals as the SDK's {@code BadRequestError}
 * with {@code param} and {@code code}. Each test runs one case of {@code sdk-cases.mjs} ({@link NodeClients}) as a
 * fresh tenant's client and checks the JSON it printed. The same client family at 6.x on the real llama-server:
 * {@link RealBackendIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeOpenAiClientIT {

  /** The parameters the {@code neutral} case sends: every one StepCache accepts at its neutral value, and more. */
  private static final List<String> NEUTRAL = List.of("top_p", "presence_penalty", "frequency_penalty", "logprobs",
      "top_logprobs", "logit_bias", "stop", "tools", "tool_choice", "parallel_tool_calls", "seed", "store", "metadata",
      "service_tier", "n", "temperature", "user");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  private final NodeClients node = new NodeClients();

  @BeforeEach
  void theClientIsInstalled() {
    node.requireInstalled();
  }

  private JsonObject run(String caseName) {
    return node.run(caseName, Api.freshTenant("npm-" + caseName.toLowerCase()));
  }

  /** A completion the SDK parsed: one assistant message that ended normally. */
  private static JsonObject answered(JsonObject c, String path) {
    assertThat(c.getString("role")).isEqualTo("assistant");
    assertThat(c.getString("finish_reason")).isEqualTo("stop");
    assertThat(c.getString("path")).as("X-StepCache-Path of %s", c).isEqualTo(path);
    JsonObject usage = c.getJsonObject("usage");
    assertThat(usage.getInt("total_tokens")).isEqualTo(usage.getInt("prompt_tokens") + usage.getInt("completion_tokens"));
    if (path.equals("REUSE")) {
      assertThat(usage.getInt("total_tokens")).as("a REUSE costs no model tokens").isZero();
    } else {
      assertThat(usage.getInt("total_tokens")).isPositive();
    }
    return c;
  }

  private static String content(JsonObject c) {
    return c.getString("content");
  }

  @Test
  void aSystemMessageIsPartOfTheCacheKey() {
    JsonObject r = run("system");
    JsonObject first = answered(r.getJsonObject("first"), "MISS");
    assertThat(content(first)).endsWith("x = 5");
    assertThat(first.getJsonObject("headers").getString("x-stepcache-task")).as("detected").isEqualTo("math-linear");
    assertThat(first.getString("model")).isEqualTo("gpt-4o-mini");
    assertThat(content(answered(r.getJsonObject("again"), "REUSE"))).isEqualTo(content(first));
    assertThat(content(answered(r.getJsonObject("otherSystem"), "MISS"))).endsWith("x = 5");
  }

  @Test
  void aMultiTurnChatAnswersTheLastTurnKeyedOnTheEarlierOnes() {
    JsonObject r = run("multiTurn");
    assertThat(content(answered(r.getJsonObject("first"), "MISS"))).endsWith("x = 4");
    JsonObject followUp = answered(r.getJsonObject("followUp"), "MISS");
    assertThat(content(followUp)).as("the last user turn is the question").endsWith("x = 4").contains("2x = 8");
    assertThat(followUp.getJsonObject("headers").getString("x-stepcache-task"))
        .as("named by defaultHeaders").isEqualTo("math-linear");
    assertThat(content(answered(r.getJsonObject("again"), "REUSE"))).isEqualTo(content(followUp));
  }

  @Test
  void aStreamWithIncludeUsageConcatenatesToTheAnswerAndEndsWithTheUsage() {
    JsonObject r = run("stream");
    JsonObject s = r.getJsonObject("streamed");
    assertThat(s.getString("path")).isEqualTo("MISS");
    assertThat(s.getString("role")).isEqualTo("assistant");
    assertThat(s.getString("finish_reason")).isEqualTo("stop");
    assertThat(s.getInt("pieces")).isPositive();
    assertThat(s.getInt("lastChunkChoices")).as("the usage chunk has no choices").isZero();
    assertThat(s.isNull("lastChunkUsage")).as("the last chunk carries the usage").isFalse();
    assertThat(s.getJsonObject("lastChunkUsage").getInt("total_tokens")).as("a MISS spends model tokens").isPositive();
    JsonObject plain = answered(r.getJsonObject("plain"), "REUSE");
    assertThat(s.getString("content")).endsWith("x = 5").isEqualTo(content(plain));
  }

  @Test
  void jsonObjectIsServedByTheJsonPack() {
    JsonObject r = answered(run("jsonObject"), "MISS");
    assertThat(r.getJsonObject("headers").getString("x-stepcache-task")).isEqualTo("json");
    assertThat(r.getJsonObject("headers").getString("x-stepcache-verified")).isEqualTo("true");
    assertThat(r.getJsonObject("parsed").getString("name")).isEqualTo("Bob");
    assertThat(r.getJsonObject("parsed").getInt("age")).isEqualTo(42);
  }

  @Test
  void everyNeutralParameterIsServedAndLeavesTheCacheKeyAlone() {
    JsonObject r = run("neutral");
    assertThat(r.getJsonArray("sent").getValuesAs(JsonString::getString))
        .containsExactlyInAnyOrderElementsOf(NEUTRAL);
    assertThat(content(answered(r.getJsonObject("withThem"), "MISS"))).endsWith("x = 4");
    assertThat(content(answered(r.getJsonObject("without"), "REUSE")))
        .as("the same question without them is served from the same entry")
        .isEqualTo(content(r.getJsonObject("withThem")));
  }

  @Test
  void refusalsAreTheSdksBadRequestErrorNamingTheParameter() {
    JsonObject r = run("refusals");
    record Refusal(String key, String param, String inMessage) {}
    for (Refusal expected : List.of(new Refusal("n", "n", "'n'"), new Refusal("logprobs", "logprobs", "'logprobs'"),
        new Refusal("toolMessage", "messages[1].role", "'tool'"), new Refusal("tools", "tools", "'tools'"))) {
      JsonObject e = r.getJsonObject(expected.key());
      assertThat(e.getString("name")).as("%s", e).isEqualTo("BadRequestError");
      assertThat(e.getBoolean("badRequest")).isTrue();
      assertThat(e.getInt("status")).isEqualTo(400);
      assertThat(e.getString("code")).isEqualTo("UNSUPPORTED_PARAMETER");
      assertThat(e.getString("type")).isEqualTo("invalid_request_error");
      assertThat(e.getString("param")).as("%s", e).isEqualTo(expected.param());
      assertThat(e.getString("message")).contains(expected.inMessage());
    }
  }
}
