package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.service.AiServices;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LangChain4j's OpenAI client ({@code langchain4j-open-ai}, its defaults: its own JDK HTTP client, no parameter set
 * but base URL, key and model name) against StepCache's OpenAI door, as a Java application would call it: plain chat,
 * a system message (part of the cache key), streaming, JSON mode and a JSON schema, an {@link AiServices} interface,
 * and refusals arriving as LangChain4j's {@link InvalidRequestException} that names the parameter. The simulated
 * backend makes every answer known. {@link RecordingHttpClientBuilder} writes down what LangChain4j put on the wire,
 * so each case also shows which parameters it sends by default (printed as {@code [langchain4j]} lines).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LangChain4jIT {

  private static final String MODEL = "gpt-4o-mini";
  private static final String PATH = "X-StepCache-Path";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  private final RecordingHttpClientBuilder wire = new RecordingHttpClientBuilder();

  private static String baseUrl() {
    return "http://localhost:" + System.getProperty("it.http.port", "9180") + "/v1";
  }

  /** LangChain4j's chat model for a client of {@code tenant}: base URL, key, model name, nothing else. */
  private OpenAiChatModel.OpenAiChatModelBuilder chatModel(String tenant) {
    return OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey(ItKeys.forTenant(tenant)).modelName(MODEL)
        .httpClientBuilder(wire);
  }

  /** The request body LangChain4j sent last, printed for the record. */
  private JsonObject sent(String what) {
    String body = wire.lastBody();
    System.out.println("[langchain4j] " + what + " sent: " + body);
    return Chat.parse(body);
  }

  /** How StepCache served a non-streamed answer, from LangChain4j's own response metadata. */
  private static String path(ChatResponse r) {
    var raw = ((OpenAiChatResponseMetadata) r.metadata()).rawHttpResponse();
    assertThat(raw).as("LangChain4j keeps the raw HTTP response").isNotNull();
    return raw.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(PATH))
        .map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + PATH + " header"));
  }

  @Test
  void plainChatWithLangChain4jsDefaults() {
    OpenAiChatModel model = chatModel(Api.freshTenant("lc4j-plain")).build();
    String answer = model.chat("Solve 3x + 5 = 20.");
    assertThat(answer).contains("3x = 15").endsWith("x = 5");
    assertThat(wire.lastHeader(PATH)).isEqualTo("MISS");
    assertThat(wire.lastHeader("X-StepCache-Task")).as("detected from the prompt").isEqualTo("math-linear");
    JsonObject body = sent("chat(String)");
    assertThat(body.getString("model")).isEqualTo(MODEL);
    assertThat(body.getJsonArray("messages")).hasSize(1);

    ChatResponse again = model.chat(ChatRequest.builder().messages(UserMessage.from("Solve 3x + 5 = 20.")).build());
    assertThat(path(again)).isEqualTo("REUSE");
    assertThat(again.aiMessage().text()).isEqualTo(answer);
    assertThat(again.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(again.tokenUsage().totalTokenCount()).as("a REUSE costs no model tokens").isZero();
    assertThat(again.modelName()).isEqualTo(MODEL);
  }

  @Test
  void aSystemMessageIsSentAndPartOfTheCacheKey() {
    OpenAiChatModel model = chatModel(Api.freshTenant("lc4j-system")).build();
    UserMessage question = UserMessage.from("Solve 4x + 3 = 19.");
    ChatResponse tutor = model.chat(SystemMessage.from("You are a careful math tutor."), question);
    assertThat(tutor.aiMessage().text()).endsWith("x = 4");
    assertThat(path(tutor)).isEqualTo("MISS");
    JsonObject system = sent("chat(SystemMessage, UserMessage)").getJsonArray("messages").getJsonObject(0);
    assertThat(system.getString("role")).isEqualTo("system");
    assertThat(system.getString("content")).isEqualTo("You are a careful math tutor.");

    assertThat(path(model.chat(SystemMessage.from("You are a careful math tutor."), question)))
        .as("the same system message and question").isEqualTo("REUSE");
    ChatResponse pirate = model.chat(SystemMessage.from("You are a pirate."), question);
    assertThat(path(pirate)).as("the same question under another system message is not served from the first entry")
        .isEqualTo("MISS");
    assertThat(pirate.aiMessage().text()).endsWith("x = 4");
    assertThat(path(model.chat(question))).as("nor without one").isEqualTo("MISS");
  }

  @Test
  void streamingConcatenatesToTheNonStreamedAnswer() throws Exception {
    String tenant = Api.freshTenant("lc4j-stream");
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(baseUrl())
        .apiKey(ItKeys.forTenant(tenant)).modelName(MODEL).httpClientBuilder(wire).build();
    List<String> partials = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    streaming.chat("Solve 5x - 4 = 21.", new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        partials.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    ChatResponse complete = done.get(60, TimeUnit.SECONDS);
    JsonObject body = sent("streaming chat(String)");
    assertThat(body.getBoolean("stream")).isTrue();
    assertThat(body.getJsonObject("stream_options").getBoolean("include_usage"))
        .as("LangChain4j asks for the usage chunk").isTrue();
    assertThat(wire.lastHeader(PATH)).isEqualTo("MISS");

    String streamed = String.join("", partials);
    assertThat(partials).isNotEmpty();
    assertThat(streamed).endsWith("x = 5").isEqualTo(complete.aiMessage().text());
    assertThat(complete.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(complete.tokenUsage()).as("usage from the include_usage chunk").isNotNull();
    assertThat(complete.tokenUsage().totalTokenCount()).as("a MISS spends model tokens").isPositive();

    ChatResponse plain = chatModel(tenant).build().chat(ChatRequest.builder()
        .messages(UserMessage.from("Solve 5x - 4 = 21.")).build());
    assertThat(path(plain)).isEqualTo("REUSE");
    assertThat(plain.aiMessage().text()).as("streamed and non-streamed content").isEqualTo(streamed);
  }

  @Test
  void jsonModeSelectsTheJsonPack() {
    OpenAiChatModel model = chatModel(Api.freshTenant("lc4j-json")).build();
    ChatResponse r = model.chat(ChatRequest.builder()
        .messages(UserMessage.from("Extract name and age as JSON: Alice is 31 years old."))
        .responseFormat(ResponseFormat.JSON).build());
    assertThat(sent("ResponseFormat.JSON").getJsonObject("response_format").getString("type")).isEqualTo("json_object");
    assertThat(wire.lastHeader("X-StepCache-Task")).as("json_object selects the json pack").isEqualTo("json");
    assertThat(wire.lastHeader("X-StepCache-Verified")).isEqualTo("true");
    JsonObject person = Chat.parse(r.aiMessage().text());
    assertThat(person.getString("name")).isEqualTo("Alice");
    assertThat(person.getInt("age")).isEqualTo(31);
  }

  @Test
  void aJsonSchemaGoesToTheJsonPackNamedByACustomHeader() {
    OpenAiChatModel model = chatModel(Api.freshTenant("lc4j-schema"))
        .customHeaders(Map.of("X-StepCache-Task", "json")).build();
    JsonSchema schema = JsonSchema.builder().name("person").rootElement(JsonObjectSchema.builder()
        .addStringProperty("name").addIntegerProperty("age").required("name", "age").build()).build();
    ChatResponse r = model.chat(ChatRequest.builder()
        .messages(UserMessage.from("Extract name and age as JSON: Carol is 27 years old."))
        .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build()).build());
    JsonObject format = sent("ResponseFormat with a JsonSchema").getJsonObject("response_format");
    assertThat(format.getString("type")).isEqualTo("json_schema");
    assertThat(format.getJsonObject("json_schema").getJsonObject("schema").getJsonObject("properties").keySet())
        .containsExactlyInAnyOrder("name", "age");
    assertThat(wire.lastHeader("X-StepCache-Task")).isEqualTo("json");
    assertThat(wire.lastHeader("X-StepCache-Verified")).isEqualTo("true");
    JsonObject person = Chat.parse(r.aiMessage().text());
    assertThat(person.getString("name")).isEqualTo("Carol");
    assertThat(person.getInt("age")).isEqualTo(27);
  }

  /** An AI service with a system message, as applications declare them. */
  interface MathTutor {
    @dev.langchain4j.service.SystemMessage("You are a careful math tutor.")
    String solve(@dev.langchain4j.service.UserMessage String equation);
  }

  /** Structured output: LangChain4j derives the JSON schema from the record and parses the answer into it. */
  interface PersonExtractor {
    Person extract(@dev.langchain4j.service.UserMessage String text);
  }

  /** What {@link PersonExtractor} returns. */
  record Person(String name, int age) {}

  @Test
  void aiServicesAnswerTextAndStructuredOutput() {
    String tenant = Api.freshTenant("lc4j-service");
    MathTutor tutor = AiServices.create(MathTutor.class, chatModel(tenant).build());
    assertThat(tutor.solve("Solve 6x + 1 = 25.")).endsWith("x = 4");
    assertThat(sent("AiServices String method").getJsonArray("messages").getJsonObject(0).getString("role"))
        .isEqualTo("system");
    assertThat(tutor.solve("Solve 6x + 1 = 25.")).endsWith("x = 4");
    assertThat(wire.lastHeader(PATH)).isEqualTo("REUSE");

    PersonExtractor extractor = AiServices.create(PersonExtractor.class, chatModel(tenant)
        .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build());
    Person dana = extractor.extract("Extract name and age as JSON: Dana is 45 years old.");
    assertThat(sent("AiServices record method").getJsonObject("response_format").getString("type"))
        .isEqualTo("json_schema");
    assertThat(wire.lastHeader("X-StepCache-Task")).isEqualTo("json");
    assertThat(dana).isEqualTo(new Person("Dana", 45));
  }

  @Test
  void refusalsArriveAsInvalidRequestExceptionsNamingTheParameter() {
    String tenant = Api.freshTenant("lc4j-refused");
    assertThatThrownBy(() -> chatModel(tenant).topP(0.5).build().chat("Solve 3x + 5 = 20."))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("\"param\":\"top_p\"").hasMessageContaining("\"code\":\"UNSUPPORTED_PARAMETER\"");
    ToolSpecification add = ToolSpecification.builder().name("add").description("Adds two numbers").build();
    assertThatThrownBy(() -> chatModel(tenant).build().chat(ChatRequest.builder()
        .messages(UserMessage.from("Solve 3x + 5 = 20.")).toolSpecifications(add).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("\"param\":\"tools\"").hasMessageContaining("\"code\":\"UNSUPPORTED_PARAMETER\"");
    assertThat(wire.bodies()).as("a 400 is not retried").hasSize(2);
  }
}
