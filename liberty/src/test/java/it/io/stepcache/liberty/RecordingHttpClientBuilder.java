package it.io.stepcache.liberty;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * LangChain4j's own default HTTP client (the one {@link HttpClientBuilderLoader} finds: its JDK client), wrapped to
 * write down what went over the wire: every request body LangChain4j built and the headers of every answer, streamed
 * or not. It changes nothing of either, so {@link LangChain4jIT} sees exactly what an application with LangChain4j's
 * defaults sends and can read the {@code X-StepCache-*} headers of a streamed answer, which LangChain4j's response
 * metadata does not carry.
 */
final class RecordingHttpClientBuilder implements HttpClientBuilder {

  private final HttpClientBuilder delegate = HttpClientBuilderLoader.loadHttpClientBuilder();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();

  /** The request bodies sent so far, oldest first. */
  List<String> bodies() {
    return List.copyOf(bodies);
  }

  /** The body of the last request sent. */
  String lastBody() {
    if (bodies.isEmpty()) {
      throw new AssertionError("LangChain4j sent no request");
    }
    return bodies.get(bodies.size() - 1);
  }

  /** One header of the last answer received (names compared ignoring case), or {@code null}. */
  String lastHeader(String name) {
    if (headers.isEmpty()) {
      throw new AssertionError("LangChain4j received no answer");
    }
    return headers.get(headers.size() - 1).entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0)).findFirst().orElse(null);
  }

  @Override
  public Duration connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public HttpClientBuilder connectTimeout(Duration timeout) {
    delegate.connectTimeout(timeout);
    return this;
  }

  @Override
  public Duration readTimeout() {
    return delegate.readTimeout();
  }

  @Override
  public HttpClientBuilder readTimeout(Duration timeout) {
    delegate.readTimeout(timeout);
    return this;
  }

  @Override
  public HttpClient build() {
    HttpClient client = delegate.build();
    return new HttpClient() {
      @Override
      public SuccessfulHttpResponse execute(HttpRequest request) {
        bodies.add(request.body());
        SuccessfulHttpResponse response = client.execute(request);
        headers.add(response.headers());
        return response;
      }

      @Override
      public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        bodies.add(request.body());
        client.execute(request, parser, new ServerSentEventListener() {
          @Override
          public void onOpen(SuccessfulHttpResponse response) {
            headers.add(response.headers());
            listener.onOpen(response);
          }

          @Override
          public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            listener.onEvent(event, context);
          }

          @Override
          public void onEvent(ServerSentEvent event) {
            listener.onEvent(event);
          }

          @Override
          public void onError(Throwable error) {
            listener.onError(error);
          }

          @Override
          public void onClose() {
            listener.onClose();
          }
        });
      }
    };
  }
}
