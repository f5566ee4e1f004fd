package io.stepcache.engine;

import io.stepcache.engine.store.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The chat before the turn a pack analyses: system instructions and earlier user and assistant turns, in order.
 * The model sees them before the pack's prompt; the cache keys on their {@link #digest()}, so an answer given
 * under one system prompt or one conversation is never reused under another ({@link ModelKeys#partition}).
 *
 * @param turns in the order they were sent; never {@code null}
 */
public record Conversation(List<Turn> turns) {

  /** No earlier turns: the request is a single user turn. */
  public static final Conversation NONE = new Conversation(List.of());

  /** Who wrote a turn. OpenAI's {@code developer} role is {@link #SYSTEM}. */
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT;

    /** The role's name on the wire ({@code system}, {@code user}, {@code assistant}). */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One turn: who wrote it and its text. */
  public record Turn(Role role, String content) {
    public Turn {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }
  }

  public Conversation {
    turns = List.copyOf(turns);
  }

  /** A conversation of {@code turns}. */
  public static Conversation of(Turn... turns) {
    return new Conversation(List.of(turns));
  }

  public boolean isEmpty() {
    return turns.isEmpty();
  }

  /** Characters in every turn, for the prompt-size limit. */
  public long chars() {
    return turns.stream().mapToLong(t -> t.content().length()).sum();
  }

  /**
   * 32 hex digits of the SHA-256 of every turn's role and content (each followed by a NUL): equal conversations,
   * and only those (barring a collision of 128 bits), have equal digests.
   */
  public String digest() {
    List<String> parts = new ArrayList<>(turns.size() * 2);
    for (Turn t : turns) {
      parts.add(t.role().wireName());
      parts.add(t.content());
    }
    return Sha256.hex(parts, 16);
  }
}
