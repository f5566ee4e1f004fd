package io.stepcache.examples.clientapp;

import io.stepcache.client.CachePath;
import io.stepcache.client.Completion;
import io.stepcache.client.Step;
import io.stepcache.client.StepOrigin;
import io.stepcache.client.TrustLevel;
import jakarta.json.JsonValue;
import java.util.List;

/** What {@code GET /client-app/ask} shows of a {@link Completion}. */
public record Answer(
    CachePath path,
    boolean verified,
    TrustLevel verification,
    String task,
    String output,
    JsonValue answer,
    List<StepOrigin> origins,
    long totalTokens) {

  static Answer of(Completion c) {
    return new Answer(c.path(), c.verified(), c.verification(), c.task(), c.output(), c.answer(),
        c.steps().stream().map(Step::origin).toList(), c.usage().totalTokens());
  }
}
