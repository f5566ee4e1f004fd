package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Api.path;
import static it.io.stepcache.liberty.Api.request;
import static it.io.stepcache.liberty.Chat.body;
import static it.io.stepcache.liberty.Chat.error;
import static it.io.stepcache.liberty.Chat.header;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call, probed as an operator's security review would: tenants come from keys (no field, header or user
 * value reaches another tenant), calls without a key are refused (production mode, the default), old default
 * passwords are gone, keys are issued and revoked through the admin API, guessing is throttled and then locked
 * (the IT server locks for 5 s), and path tricks are refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

  private static final String CHAT = "/v1/chat/completions";
  private static final String COMPLETIONS = "/api/v1/completions";
  private static final String PROMPT = "Solve 4x + 3 = 19.";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  private final Api api = new Api();
  private final Chat chat = new Chat();

  @Test
  @Order(1)
  void noFieldHeaderOrUserValueReachesAnotherTenant() {
    String victim = Api.freshTenant("victim");
    String victimKey = ItKeys.forTenant(victim);
    String attacker = ItKeys.forTenant(Api.freshTenant("attacker"));
    String asVictim = request(victim, "math-linear", PROMPT).build().toString();
    assertThat(path(api.complete(request(victim, "math-linear", PROMPT)))).isEqualTo("MISS");
    assertThat(path(api.complete(request(victim, "math-linear", PROMPT)))).isEqualTo("REUSE");

    // the native body's tenant: refused for another key, refused without one
    JsonObject refused = Api.assertProblem(api.send("POST", COMPLETIONS, Api.JSON, bytes(asVictim), attacker),
        403, "FORBIDDEN");
    assertThat(refused.getString("detail")).contains(victim);
    Api.assertProblem(api.postAnonymous(COMPLETIONS, Api.JSON, asVictim), 401, "UNAUTHORIZED");

    // the front door's tenant header: refused for another key, refused without one
    // the model the native request (naming none) was answered by: the model is part of the cache key
    String chatBody = body(PROMPT).add("model", "stepcache-simulated").build().toString();
    error(chat.post(CHAT, chatBody, "Authorization", "Bearer " + attacker, "X-StepCache-Tenant", victim), 403,
        "FORBIDDEN");
    error(chat.post(CHAT, chatBody, "Authorization", null, "X-StepCache-Tenant", victim), 401, "UNAUTHORIZED");

    // the OpenAI user field is an end-user id: the attacker is served on its own tenant, without the victim's entry
    HttpResponse<String> asUser = chat.post(CHAT, body(PROMPT).add("user", victim).build().toString(),
        "Authorization", "Bearer " + attacker, "X-StepCache-Task", "math-linear");
    assertThat(asUser.statusCode()).as(asUser.body()).isEqualTo(200);
    assertThat(header(asUser, "X-StepCache-Path")).isEqualTo("MISS");

    // the victim's key still reuses through both doors
    HttpResponse<String> own = chat.post(CHAT, chatBody, "Authorization", "Bearer " + victimKey,
        "X-StepCache-Task", "math-linear");
    assertThat(header(own, "X-StepCache-Path")).isEqualTo("REUSE");
  }

  @Test
  @Order(2)
  void callsWithoutAKeyAndOldDefaultPasswordsAreRefused() {
    HttpResponse<String> anonymous = api.postAnonymous(COMPLETIONS, Api.JSON, "{\"prompt\": \"" + PROMPT + "\"}");
    Api.assertProblem(anonymous, 401, "UNAUTHORIZED");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"StepCache\"");
    error(chat.post(CHAT, body(PROMPT).build().toString(), "Authorization", null), 401, "UNAUTHORIZED");
    for (String userPassword : new String[] {"admin:stepcache-admin", "client:stepcache-client"}) {
      String basic = "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
      error(chat.post(CHAT, body(PROMPT).build().toString(), "Authorization", basic), 401, "UNAUTHORIZED");
    }
    error(chat.post(CHAT, body(PROMPT).build().toString(), "Authorization", "Bearer stepcache-admin"), 401,
        "UNAUTHORIZED");
  }

  @Test
  @Order(3)
  void keysAreIssuedShownOnceAndRevokedAtOnce() {
    String tenant = Api.freshTenant("revoke");
    String key = ItKeys.issue(tenant, "client");
    String id = key.substring(4, 16);
    String prompt = request(tenant, "math-linear", PROMPT).build().toString();
    assertThat(api.send("POST", COMPLETIONS, Api.JSON, bytes(prompt), key).statusCode()).isEqualTo(200);

    HttpResponse<String> list = api.get("/api/v1/keys", ItKeys.admin());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(id).doesNotContain(key.substring(17)).doesNotContain(ItKeys.admin().substring(17));
    Api.assertProblem(api.get("/api/v1/keys", key), 403, "FORBIDDEN");
    Api.assertProblem(api.send("POST", "/api/v1/keys", Api.JSON, bytes("{\"tenant\": \"x\", \"role\": \"root\"}"),
        ItKeys.admin()), 400, "INVALID_REQUEST");
    // hostile bodies: too large, too deep, a number where a string belongs, bytes that are no UTF-8, nothing
    Api.assertProblem(api.send("POST", "/api/v1/keys", Api.JSON,
        bytes("{\"tenant\": \"x\", \"label\": \"" + "y".repeat(5000) + "\"}"), ItKeys.admin()), 413, "INPUT_TOO_LARGE");
    Api.assertProblem(api.send("POST", "/api/v1/keys", Api.JSON,
        bytes("{\"tenant\": " + "[".repeat(1000) + "]".repeat(1000) + "}"), ItKeys.admin()), 400, "MALFORMED_REQUEST");
    Api.assertProblem(api.send("POST", "/api/v1/keys", Api.JSON, bytes("{\"tenant\": 1e999999}"), ItKeys.admin()),
        400, "MALFORMED_REQUEST");
    byte[] notUtf8 = {'{', '"', 't', 'e', 'n', 'a', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    Api.assertProblem(api.send("POST", "/api/v1/keys", Api.JSON, notUtf8, ItKeys.admin()), 400, "INVALID_REQUEST");
    Api.assertProblem(api.send("POST", "/api/v1/keys", Api.JSON, bytes("{}"), ItKeys.admin()), 400, "INVALID_REQUEST");

    assertThat(api.send("DELETE", "/api/v1/keys/" + id, null, null, ItKeys.admin()).statusCode()).isEqualTo(204);
    Api.assertProblem(api.send("POST", COMPLETIONS, Api.JSON, bytes(prompt), key), 401, "UNAUTHORIZED");
    JsonObject revoked = Api.parse(api.get("/api/v1/keys/" + id, ItKeys.admin()).body()).asJsonObject();
    assertThat(revoked.getBoolean("active")).isFalse();
    Api.assertProblem(api.get("/api/v1/keys/nosuchkey000", ItKeys.admin()), 404, "UNKNOWN_KEY");
  }

  @Test
  @Order(4)
  void pathTricksAndNonJsonBodiesAreRefused() {
    Api.assertProblem(api.get("/api/v1/packs/json;x", ItKeys.admin()), 400, "INVALID_PATH");
    Api.assertProblem(api.get("/api/v1/packs;x/json", ItKeys.admin()), 400, "INVALID_PATH");
    // an encoded slash or backslash never reaches JAX-RS: Liberty's web container refuses it first (CWWWC0005I)
    // and its error page (ContainerErrorPage) answers problem+json, not Liberty's page with a stack trace
    for (String encoded : new String[] {"%2F", "%2f", "%5C"}) {
      Api.assertProblem(api.get("/api/v1/keys/a" + encoded + "b", ItKeys.admin()), 400, "INVALID_PATH");
    }
    Api.assertProblem(api.get("/stepcache-container-error", ItKeys.admin()), 404, "NOT_FOUND");
    // a web page of another origin gets no CORS permission (its preflight is not answered with one), and no
    // response sets a cookie a browser could replay
    HttpResponse<String> preflight = api.preflight(CHAT, "https://evil.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> answered = chat.post(CHAT, body(PROMPT).build().toString(), "Origin", "https://evil.example");
    assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(answered.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> plain = api.send("POST", CHAT, "text/plain", bytes(body(PROMPT).build().toString()),
        ItKeys.admin());
    error(plain, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  @Order(5)
  void guessingIsThrottledThenLockedEvenForTheRightKeyUntilTheLockEnds() throws InterruptedException {
    Thread.sleep(5_500); // the earlier tests' deliberate failures are forgotten 5 s (lockFor) after the last one
    String wrong = ItKeys.wrong(ItKeys.admin());
    HttpResponse<String> last = null;
    int unauthorized = 0;
    for (int i = 0; i < 20; i++) {
      last = api.get("/api/v1/packs", wrong);
      unauthorized += last.statusCode() == 401 ? 1 : 0;
    }
    assertThat(unauthorized).as("free failures, then refused unchecked").isEqualTo(6);
    Api.assertProblem(last, 429, "AUTH_THROTTLED");
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 5L);

    HttpResponse<String> rightDuringLock = api.get("/api/v1/packs", ItKeys.admin());
    Api.assertProblem(rightDuringLock, 429, "AUTH_THROTTLED");
    assertThat(rightDuringLock.body()).contains("locked out");

    Thread.sleep(retryAfter * 1000 + 500);
    assertThat(api.get("/api/v1/packs", ItKeys.admin()).statusCode()).isEqualTo(200);
    assertThat(api.get("/metrics?scope=application").body()).as("refusals are counted")
        .contains("code=\"AUTH_THROTTLED\"").contains("code=\"UNAUTHORIZED\"");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
