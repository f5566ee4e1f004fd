package io.stepcache.liberty.openai;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.identity.Caller;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.rest.CacheHeaders;
import io.stepcache.liberty.rest.RequestBody;
import io.stepcache.liberty.security.CallerPrincipal;
import io.stepcache.liberty.security.Identities;
import io.stepcache.liberty.stream.StepStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI-compatible front door (the API contract in openapi.yaml): {@code POST /v1/chat/completions} and
 * {@code GET /v1/models}.
 *
 * <p>The last user message is the prompt, the messages before it the conversation ({@link ChatRequest}); the task
 * comes from the {@code X-StepCache-Task} header, or is detected. The tenant is the API key's ({@link
 * io.stepcache.identity.TenantPolicy}): an {@code X-StepCache-Tenant} header naming another one is refused (403); the
 * {@code user} field is OpenAI's end-user id, and names the tenant only for a gateway key in trusted-gateway mode.
 * Bodies must be {@code application/json} (415); {@code Cache-Control} and {@code X-StepCache-TTL} are read by
 * {@link CacheHeaders}. With {@code stream: true} each step is sent the moment it is verified ({@link OpenAiStream}).
 * {@code X-StepCache-Path}, {@code -Task}, {@code -Similarity}, {@code -Reused-Steps}, {@code -Total-Steps}, {@code
 * -Verified}, {@code -Entry} and {@code -Stored-Entry} headers say how it was served (a stream sends those known
 * before its first step; the rest is in its finish chunk). Errors come in OpenAI's error shape ({@link
 * OpenAiErrors}).
 */
@ApplicationScoped
@Path("v1")
public class OpenAiChatResource {

  /** Header naming the task pack. */
  public static final String TASK_HEADER = "X-StepCache-Task";
  /** Header naming the tenant (when no user is authenticated). */
  public static final String TENANT_HEADER = "X-StepCache-Tenant";

  @Inject StepCacheRuntime runtime;
  @Inject StepCacheMetrics metrics;
  @Inject Identities identities;

  @POST
  @Path("chat/completions")
  public Response chatCompletions(
      InputStream body,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam(TASK_HEADER) String task,
      @HeaderParam(TENANT_HEADER) String tenantHeader,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Cache-Control") String cacheControl,
      @HeaderParam(CacheHeaders.TTL) String ttl,
      @Context SecurityContext security) {
    long t0 = System.nanoTime();
    try {
      requireJson(contentType);
      byte[] bytes = read(body, contentLength, runtime.maxRequestBytes());
      ChatRequest request = ChatRequest.parse(bytes);
      if (task != null && task.isBlank()) {
        throw OpenAiException.invalid(TASK_HEADER, TASK_HEADER + " must name a task pack, or be left out");
      }
      Optional<Caller> caller = CallerPrincipal.of(security);
      boolean fromHeader = tenantHeader != null && !tenantHeader.isBlank();
      String claimed = fromHeader ? tenantHeader.strip()
          : identities.policy().userFieldIsTenant(caller) ? request.user() : null;
      if (claimed != null) {
        String param = fromHeader ? TENANT_HEADER : "user";
        CompletionRequest.tenantProblem(claimed).ifPresent(problem -> {
          throw OpenAiException.invalid(param, "The tenant " + problem);
        });
      }
      String tenant = identities.policy().tenantOf(caller, claimed);
      CacheDirectives cache = CacheHeaders.read(cacheControl, ttl, caller, runtime.storeTtl());
      CompletionRequest engineRequest = request.toCompletionRequest(task == null ? null : task.trim(), tenant, cache);
      String id = ChatResponses.newId();
      long created = System.currentTimeMillis() / 1000;
      String model = request.model() != null ? request.model() : runtime.modelName();
      if (request.stream()) {
        StepStream stream = StepStream.start(runtime.streamWorkers(), runtime.engine(), engineRequest);
        return OpenAiStream.respond(stream, id, created, model, request.includeUsage(), metrics, tenant, t0);
      }
      CompletionResult result = runtime.engine().complete(engineRequest);
      metrics.served(result, tenant, System.nanoTime() - t0);
      Response.ResponseBuilder b = Response.ok(ChatResponses.completion(id, created, model, result).toString(),
          MediaType.APPLICATION_JSON_TYPE);
      List<String> h = ChatResponses.headers(result);
      for (int i = 0; i < h.size(); i += 2) {
        b.header(h.get(i), h.get(i + 1));
      }
      return b.header(ChatResponses.REQUEST_ID, id).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OpenAiErrors.of(new IllegalStateException("Interrupted while waiting for the answer", e), metrics);
    } catch (RuntimeException e) {
      return OpenAiErrors.of(e, metrics);
    }
  }

  @GET
  @Path("models")
  public Response models() {
    return Response.ok(ChatResponses.models(runtime.modelName(), 0).toString(), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /**
   * Only JSON bodies: a browser page cannot send one to another origin without a CORS preflight, which this server
   * does not answer, so a page the user visits cannot spend their key.
   */
  private static void requireJson(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
    if (!type.equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
      throw new OpenAiException(415, "UNSUPPORTED_MEDIA_TYPE", null, "Send the request as Content-Type: "
          + MediaType.APPLICATION_JSON + (contentType == null ? "" : ", not " + contentType));
    }
  }

  /** The body, refused above {@code maxBytes} (413 {@code INPUT_TOO_LARGE}) without buffering more. */
  static byte[] read(InputStream in, String contentLength, int maxBytes) {
    return RequestBody.read(in, RequestBody.declaredLength(contentLength), maxBytes, REFUSALS);
  }

  /** The OpenAI door reports a refused body in OpenAI's error shape. */
  private static final RequestBody.Refusals REFUSALS = new RequestBody.Refusals() {
    @Override
    public RuntimeException tooLarge(int maxBytes, String actual) {
      return OpenAiChatResource.tooLarge(maxBytes);
    }

    @Override
    public RuntimeException unreadable(IOException cause) {
      return new OpenAiException(400, OpenAiException.MALFORMED_REQUEST, null,
          "The request body could not be read: " + cause.getMessage());
    }
  };

  private static OpenAiException tooLarge(int maxBytes) {
    return new OpenAiException(413, "INPUT_TOO_LARGE", null,
        "The request body is larger than " + maxBytes + " bytes (setting stepcache.maxRequestBytes)");
  }
}
