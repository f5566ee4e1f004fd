package io.stepcache.packs.json.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptPartsTest {

  @Test
  void colonIntroducesQuotedText() {
    PromptParts parts = PromptParts.parse("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"");
    assertThat(parts.instruction()).isEqualTo("Extract name and age as JSON from");
    assertThat(parts.sourceText()).isEqualTo("Alice Smith is 31 years old.");
  }

  @Test
  void labelColonAfterASentence() {
    PromptParts parts = PromptParts.parse("Return a JSON object with keys title, year. Text: The film Heat came out in 1995.");
    assertThat(parts.instruction()).isEqualTo("Return a JSON object with keys title, year. Text");
    assertThat(parts.sourceText()).isEqualTo("The film Heat came out in 1995.");
  }

  @Test
  void firstColonWinsAndTheTextKeepsItsOwnColons() {
    PromptParts parts = PromptParts.parse("Give me JSON (name, email) for this contact: name: Bob, email: bob@example.com");
    assertThat(parts.instruction()).isEqualTo("Give me JSON (name, email) for this contact");
    assertThat(parts.sourceText()).isEqualTo("name: Bob, email: bob@example.com");
  }

  @Test
  void quotationRunningToTheEndIntroducesTheText() {
    PromptParts parts = PromptParts.parse("Extract name and age as JSON from \"Alice Smith is 31 years old.\"");
    assertThat(parts.instruction()).isEqualTo("Extract name and age as JSON from");
    assertThat(parts.sourceText()).isEqualTo("Alice Smith is 31 years old.");
  }

  @Test
  void quotedKeyNamesAreNotTheText() {
    PromptParts parts = PromptParts.parse("Extract \"name\" and \"age\" from: Alice is 31.");
    assertThat(parts.instruction()).isEqualTo("Extract \"name\" and \"age\" from");
    assertThat(parts.sourceText()).isEqualTo("Alice is 31.");
  }

  @Test
  void newlineIntroducesTheText() {
    PromptParts parts = PromptParts.parse("Extract name and age as JSON\nAlice is 31.\nShe lives in Paris.");
    assertThat(parts.instruction()).isEqualTo("Extract name and age as JSON");
    assertThat(parts.sourceText()).isEqualTo("Alice is 31.\nShe lives in Paris.");
  }

  @Test
  void colonAfterKeysIntroducesAKeyList() {
    PromptParts parts = PromptParts.parse("Return JSON with keys: name, age. Alice is 31.");
    assertThat(parts.instruction()).isEqualTo("Return JSON with keys: name, age");
    assertThat(parts.sourceText()).isEqualTo("Alice is 31.");

    PromptParts labelled = PromptParts.parse("Return JSON with fields: name, age. Text: Alice is 31.");
    assertThat(labelled.instruction()).isEqualTo("Return JSON with fields: name, age. Text");
    assertThat(labelled.sourceText()).isEqualTo("Alice is 31.");
  }

  @Test
  void noIntroducerMakesTheWholePromptBothParts() {
    PromptParts parts = PromptParts.parse("Extract name as JSON from Alice is here");
    assertThat(parts.instruction()).isEqualTo("Extract name as JSON from Alice is here");
    assertThat(parts.sourceText()).isEqualTo(parts.instruction());
  }

  @Test
  void innerQuotesAreKept() {
    PromptParts parts = PromptParts.parse("Extract title as JSON: \"Heat\" is a film by \"Michael Mann\"");
    assertThat(parts.sourceText()).isEqualTo("\"Heat\" is a film by \"Michael Mann\"");
  }
}
