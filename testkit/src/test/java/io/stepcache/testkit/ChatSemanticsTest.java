package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.Conversation;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.ModelKeys;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.spi.RequestOptions;
import io.stepcache.testkit.countdown.CountdownPack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a request brings besides its prompt: the conversation before it, the model, the token limit and the cache
 * directives, and what an answer says about the entries it used.
 */
class ChatSemanticsTest {

  private static final Conversation PIRATE =
      Conversation.of(new Conversation.Turn(Conversation.Role.SYSTEM, "You are a pirate."));
  private static final Conversation BUTLER =
      Conversation.of(new Conversation.Turn(Conversation.Role.SYSTEM, "You are a butler."));

  private static PackTestKit kit() {
    return PackTestKit.forPack(new CountdownPack()).build();
  }

  private static CompletionRequest request(String prompt, String model, Conversation conversation) {
    return new CompletionRequest(prompt, null, null, RequestOptions.none(), model, null, null, conversation,
        CacheDirectives.DEFAULT);
  }

  private static CompletionRequest request(String prompt, CacheDirectives cache) {
    return CompletionRequest.of(prompt, null).withCache(cache);
  }

  @Test
  void anAnswerIsNeverReusedUnderAnotherSystemPromptAndAlwaysUnderTheSameOne() {
    try (PackTestKit kit = kit()) {
      assertThat(kit.complete(request("Count down from 3", null, PIRATE)).path()).isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(request("Count down from 3", null, BUTLER)).path()).isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(request("Count down from 3", null, Conversation.NONE)).path())
          .isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(request("Please count down from 3", null, PIRATE)).path())
          .isEqualTo(RequestPath.REUSE);
      assertThat(kit.complete(request("Please count down from 3", null, BUTLER)).path())
          .isEqualTo(RequestPath.REUSE);
      assertThat(kit.store().size()).isEqualTo(3);
    }
  }

  @Test
  void earlierTurnsArePartOfTheKeyTurnByTurn() {
    Conversation one = Conversation.of(new Conversation.Turn(Conversation.Role.USER, "Hi"),
        new Conversation.Turn(Conversation.Role.ASSISTANT, "Hello!"));
    Conversation other = Conversation.of(new Conversation.Turn(Conversation.Role.USER, "Hi"),
        new Conversation.Turn(Conversation.Role.ASSISTANT, "Hello?"));
    Conversation swapped = Conversation.of(new Conversation.Turn(Conversation.Role.ASSISTANT, "Hi"),
        new Conversation.Turn(Conversation.Role.USER, "Hello!"));
    assertThat(one.digest()).isNotEqualTo(other.digest()).isNotEqualTo(swapped.digest());
    assertThat(one.digest()).isEqualTo(Conversation.of(new Conversation.Turn(Conversation.Role.USER, "Hi"),
        new Conversation.Turn(Conversation.Role.ASSISTANT, "Hello!")).digest());
    try (PackTestKit kit = kit()) {
      kit.complete(request("Count down from 3", null, one));
      assertThat(kit.complete(request("Count down from 3", null, other)).path()).isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(request("Count down from 3", null, one)).path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void theModelSeesTheConversationAndPaysForIt() {
    try (PackTestKit kit = kit()) {
      CompletionResult plain = kit.complete(request("Count down from 3", null, Conversation.NONE));
      CompletionResult chat = kit.complete(request("Count down from 3", null, PIRATE));
      assertThat(chat.usage().promptTokens()).isGreaterThan(plain.usage().promptTokens());
    }
  }

  @Test
  void eachModelHasItsOwnAnswersUnlessGroupedOrIgnored() {
    try (PackTestKit kit = kit()) {
      kit.complete(request("Count down from 3", "gpt-4o", Conversation.NONE));
      assertThat(kit.complete(request("Count down from 3", "llama-3", Conversation.NONE)).path())
          .isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(request("Count down from 3", null, Conversation.NONE)).path())
          .as("a request naming no model keys on the default model").isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(request("Count down from 3", EngineConfig.DEFAULT_MODEL, Conversation.NONE)).path())
          .isEqualTo(RequestPath.REUSE);
      assertThat(kit.complete(request("Count down from 3", "gpt-4o", Conversation.NONE)).path())
          .isEqualTo(RequestPath.REUSE);
    }
    EngineConfig grouped = EngineConfig.defaults()
        .withModelKeys(ModelKeys.exact("local").withGroups("gpt-4o=gpt-4o,gpt-4o-2024-08-06"));
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(grouped).build()) {
      kit.complete(request("Count down from 3", "gpt-4o-2024-08-06", Conversation.NONE));
      assertThat(kit.complete(request("Count down from 3", "gpt-4o", Conversation.NONE)).path())
          .isEqualTo(RequestPath.REUSE);
      assertThat(kit.complete(request("Count down from 3", "local", Conversation.NONE)).path())
          .isEqualTo(RequestPath.MISS);
    }
    EngineConfig ignored = EngineConfig.defaults().withModelKeys(ModelKeys.ignore());
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(ignored).build()) {
      kit.complete(request("Count down from 3", "gpt-4o", Conversation.NONE));
      assertThat(kit.complete(request("Count down from 3", "llama-3", Conversation.NONE)).path())
          .isEqualTo(RequestPath.REUSE);
      kit.store().forEach(e -> assertThat(e.key().partition()).isEmpty());
    }
  }

  @Test
  void modelGroupsAreCheckedWhenConfigured() {
    assertThatThrownBy(() -> ModelKeys.exact("m").withGroups("a=x,y;b=y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'");
    assertThatThrownBy(() -> ModelKeys.exact("m").withGroups("a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=model");
    assertThat(ModelKeys.exact("m").withGroups(" ").groupOf()).isEmpty();
  }

  @Test
  void aBadModelNameIsRefused() {
    try (PackTestKit kit = kit()) {
      assertThatThrownBy(() -> kit.complete(request("Count down from 3", "a\u0000b", Conversation.NONE)))
          .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
          .hasMessageContaining("'model'");
    }
  }

  @Test
  void aSmallTokenLimitServesTheLeadingStepsAndCachesTheWholeAnswer() {
    try (PackTestKit kit = kit()) {
      CompletionRequest limited = new CompletionRequest("Count down from 5", null, null, RequestOptions.none(), null,
          null, 2, Conversation.NONE, CacheDirectives.DEFAULT);
      CompletionResult cut = kit.complete(limited);
      assertThat(cut.truncated()).isTrue();
      assertThat(cut.verified()).isTrue();
      assertThat(cut.steps()).extracting(ServedStep::text).containsExactly("5", "4");
      assertThat(cut.output()).isEqualTo("5\n4");
      assertThat(cut.answerJson()).isNull();
      CompletionResult whole = kit.complete(CompletionRequest.of("Please count down from 5", null));
      assertThat(whole.path()).isEqualTo(RequestPath.REUSE);
      assertThat(whole.truncated()).isFalse();
      assertThat(whole.output()).isEqualTo("5\n4\n3\n2\n1\n0");
      CompletionResult none = kit.complete(new CompletionRequest("Count down from 5", null, null,
          RequestOptions.none(), null, null, 1, Conversation.NONE, CacheDirectives.DEFAULT));
      assertThat(none.steps()).hasSize(1);
      CompletionResult fits = kit.complete(new CompletionRequest("Count down from 5", null, null,
          RequestOptions.none(), null, null, 6, Conversation.NONE, CacheDirectives.DEFAULT));
      assertThat(fits.truncated()).isFalse();
      assertThat(fits.answerJson()).isEqualTo("{\"last\":0}");
    }
  }

  @Test
  void noCacheLooksNothingUpAndRefreshesTheEntry() {
    try (PackTestKit kit = kit()) {
      CompletionResult first = kit.complete("Count down from 3");
      long created = only(kit).createdAtEpochMs();
      long calls = kit.modelCalls();
      CompletionResult fresh = kit.complete(request("Count down from 3", new CacheDirectives(false, true, null, null)));
      assertThat(fresh.path()).isEqualTo(RequestPath.MISS);
      assertThat(kit.modelCalls()).isGreaterThan(calls);
      assertThat(fresh.storedEntryId()).isEqualTo(first.storedEntryId());
      assertThat(kit.store().size()).isEqualTo(1);
      assertThat(only(kit).createdAtEpochMs()).isGreaterThanOrEqualTo(created);
    }
  }

  @Test
  void noStoreStoresNothing() {
    try (PackTestKit kit = kit()) {
      CompletionResult r = kit.complete(request("Count down from 3", new CacheDirectives(true, false, null, null)));
      assertThat(r.verified()).isTrue();
      assertThat(r.storedEntryId()).isNull();
      assertThat(kit.store().size()).isZero();
      assertThat(kit.complete("Count down from 3").path()).isEqualTo(RequestPath.MISS);
    }
  }

  @Test
  void maxAgeZeroAcceptsNoEntryButLeavesItForOthers() {
    try (PackTestKit kit = kit()) {
      kit.complete("Count down from 3");
      assertThat(kit.complete(request("Count down from 3", new CacheDirectives(true, true, Duration.ZERO, null)))
          .path()).isNotEqualTo(RequestPath.REUSE);
      assertThat(kit.complete(request("Please count down from 3",
          new CacheDirectives(true, true, Duration.ofHours(1), null))).path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void anEntryStoredWithATtlIsNotServedAfterIt() throws InterruptedException {
    try (PackTestKit kit = kit()) {
      kit.complete(request("Count down from 3", new CacheDirectives(true, true, null, Duration.ofMillis(50))));
      CacheEntry stored = only(kit);
      assertThat(stored.expiresAtEpochMs()).isBetween(stored.createdAtEpochMs() + 50, stored.createdAtEpochMs() + 50);
      Thread.sleep(120);
      assertThat(kit.complete("Please count down from 3").path()).isEqualTo(RequestPath.MISS);
    }
  }

  @Test
  void answersNameTheEntriesTheyReadAndWrote() {
    try (PackTestKit kit = kit()) {
      CompletionResult miss = kit.complete("Count down from 3");
      String id = only(kit).key().id();
      assertThat(miss.entryId()).isNull();
      assertThat(miss.storedEntryId()).isEqualTo(id).startsWith(EntryKey.ID_PREFIX).hasSize(28);
      CompletionResult reuse = kit.complete("Please count down from 3");
      assertThat(reuse.entryId()).isEqualTo(id);
      assertThat(reuse.storedEntryId()).isNull();
      CompletionResult patch = kit.complete("Count down from 4");
      assertThat(patch.path()).isEqualTo(RequestPath.PATCH);
      assertThat(patch.entryId()).isEqualTo(id);
      assertThat(patch.storedEntryId()).isNotNull().isNotEqualTo(id);
    }
  }

  @Test
  void answersSayWhereTheirTimeWent() {
    try (PackTestKit kit = kit()) {
      CompletionResult miss = kit.complete("Count down from 3");
      assertThat(miss.timings().modelMs()).as("the simulated model's latency").isGreaterThan(150.0)
          .isLessThanOrEqualTo(miss.latencyMs());
      assertThat(miss.timings().verifyMs()).isPositive();
      CompletionResult reuse = kit.complete("Please count down from 3");
      assertThat(reuse.timings().modelMs()).isZero();
      assertThat(reuse.timings().verifyMs()).isPositive();
    }
  }

  @Test
  void evictRemovesWhatItSelectsFromStoreAndIndex() {
    try (PackTestKit kit = kit()) {
      kit.complete(CompletionRequest.of("Count down from 3", null).withTenant("a"));
      kit.complete(CompletionRequest.of("Count down from 3", null).withTenant("b"));
      assertThat(kit.engine().evict(k -> k.tenant().equals("a"))).hasSize(1);
      assertThat(kit.store().size()).isEqualTo(1);
      assertThat(kit.complete(CompletionRequest.of("Count down from 3", null).withTenant("a")).path())
          .isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(CompletionRequest.of("Count down from 3", null).withTenant("b")).path())
          .isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void anUnverifiedAnswerShowsTheModelsTextOrIsRefusedWhenSoConfigured() {
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).oracle(p -> Optional.of("no idea")).build()) {
      CompletionResult r = kit.complete("Count down from 3");
      assertThat(r.verified()).isFalse();
      assertThat(r.findings()).isNotEmpty();
      assertThat(r.output()).contains("no idea");
      assertThat(r.storedEntryId()).isNull();
    }
    EngineConfig strict = EngineConfig.defaults().withServeUnverified(false);
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(strict)
        .oracle(p -> Optional.of("no idea")).build()) {
      assertThatThrownBy(() -> kit.complete("Count down from 3"))
          .isInstanceOfSatisfying(StepCacheException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.ANSWER_UNVERIFIED))
          .hasMessageContaining("failed verification");
    }
  }

  private static CacheEntry only(PackTestKit kit) {
    List<CacheEntry> all = new ArrayList<>();
    kit.store().forEach(all::add);
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
