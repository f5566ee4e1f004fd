package io.stepcache.liberty.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.Usage;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.spi.StepOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** META-INF/openapi.yaml is written by hand (scanning is off): keep it in step with the code. */
class OpenApiDocumentTest {

  private static String document() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      assertThat(in).as("META-INF/openapi.yaml").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void namesEveryCodePathAndOrigin() throws IOException {
    String doc = document();
    for (ErrorCode c : ErrorCode.values()) {
      assertThat(doc).as("error code %s", c).contains(c.name());
    }
    for (RequestPath p : RequestPath.values()) {
      assertThat(doc).as("path %s", p).contains(p.name());
    }
    for (StepOrigin o : StepOrigin.values()) {
      assertThat(doc).as("origin %s", o).contains(o.name());
    }
  }

  @Test
  void describesEveryResponseField() throws IOException {
    String doc = document();
    CompletionResult r = new CompletionResult("o", "{}", RequestPath.MISS, "t", false,
        List.of(new ServedStep(0, "s", StepOrigin.GENERATED, false)), 0.5, new Usage(1, 2), 3, List.of("f"));
    var json = CompletionJson.toJson(r);
    for (String field : json.keySet()) {
      assertThat(doc).as("response field %s", field).contains("        " + field + ":");
    }
    for (String field : json.getJsonObject("usage").keySet()) {
      assertThat(doc).as("usage field %s", field).contains(field + ":");
    }
    for (String field : json.getJsonArray("steps").getJsonObject(0).keySet()) {
      assertThat(doc).as("step field %s", field).contains(field + ":");
    }
    for (String field : List.of("prompt", "task", "tenant", "schema", "requiredKeys", "model", "temperature", "maxTokens")) {
      assertThat(doc).as("request field %s", field).contains("        " + field + ":");
    }
    assertThat(doc).contains("/api/v1/completions:").contains("/api/v1/packs:").contains(Problems.MEDIA_TYPE)
        .contains("/api/v1/bench/echo:").contains("stepcache.bench.echo.enabled");
    assertThat(doc).contains("/api/v1/keys:").contains("/api/v1/keys/{id}:").contains("scheme: bearer")
        .contains("AUTH_THROTTLED").contains("INVALID_PATH").contains("UNKNOWN_KEY").doesNotContain("basicAuth");
  }
}
