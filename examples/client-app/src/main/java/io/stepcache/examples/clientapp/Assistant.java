package io.stepcache.examples.clientapp;

import io.stepcache.client.Completion;
import io.stepcache.client.CompletionRequest;
import io.stepcache.client.StepCacheClient;
import io.stepcache.client.StepCacheProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What an application's own service looks like with the typed client: StepCache injected as a MicroProfile Rest
 * Client (base URL {@code stepcache/mp-rest/url}, key {@code stepcache.client.apiKey}), one call per question.
 */
@ApplicationScoped
public class Assistant {

  @Inject @RestClient StepCacheClient stepcache;

  /**
   * Asks StepCache.
   *
   * @param task the task pack, or {@code null} to let StepCache detect it
   * @throws StepCacheProblemException when StepCache refuses the question
   */
  public Completion ask(String prompt, String task) {
    return stepcache.complete(CompletionRequest.of(prompt, task == null || task.isBlank() ? null : task));
  }
}
