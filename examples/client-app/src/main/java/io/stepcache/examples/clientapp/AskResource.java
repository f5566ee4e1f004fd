package io.stepcache.examples.clientapp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /client-app/ask?prompt=...&task=...}: asks StepCache through {@link Assistant} and shows what came
 * back (path, trust, output, answer, step origins, tokens). A refusal is {@link RefusalMapper}'s.
 */
@RequestScoped
@Path("ask")
public class AskResource {

  @Inject Assistant assistant;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Answer ask(@QueryParam("prompt") String prompt, @QueryParam("task") String task) {
    return Answer.of(assistant.ask(prompt == null ? "" : prompt, task));
  }
}
