package io.stepcache.packs.json.rebind;

import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.packs.json.text.Unresolved;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.json.JSONObject;

/**
 * A cached value step that could not be anchored ({@link AnchoredValue#of} found no unambiguous,
 * uncued place for it: the value occurs twice or not at all, is a boolean, null, object or array,
 * or sits next to a contrast cue), bound to the exact source text it was verified against. It is
 * reused literally only for that same text (same SHA-256 fingerprint); for any other text it is
 * {@link Unresolved}: nothing says the old value is still the right one, even where it still
 * occurs. Template: {@code {{json.bound}}{"step": ..., "source": "<sha-256 hex>"}}. Immutable.
 *
 * @param step the literal cached step
 * @param sourceFingerprint SHA-256 (hex) of the cached source text
 */
public record SourceBound(String step, String sourceFingerprint) {

  /** Templates start with this; a step never does (steps start with a quoted key). */
  static final String MARKER = "{{json.bound}}";

  /** Binds {@code step} to {@code source}. */
  public static SourceBound of(String step, String source) {
    return new SourceBound(step, fingerprint(source));
  }

  /** True when {@code text} is a template written by {@link #template()}. */
  public static boolean isTemplate(String text) {
    return text.startsWith(MARKER);
  }

  /** Reads a template; empty when it is not one or is damaged (no step with a key, no fingerprint). */
  public static Optional<SourceBound> fromTemplate(String template) {
    if (!isTemplate(template)) {
      return Optional.empty();
    }
    Optional<JSONObject> o = StrictJson.object(template.substring(MARKER.length()));
    if (o.isEmpty() || !(o.get().opt("step") instanceof String step) || !(o.get().opt("source") instanceof String fp)
        || Member.parse(step).key() == null) {
      return Optional.empty();
    }
    return Optional.of(new SourceBound(step, fp));
  }

  /** The template text. */
  public String template() {
    return MARKER + "{\"step\":" + StrictJson.quote(step) + ",\"source\":" + StrictJson.quote(sourceFingerprint) + "}";
  }

  /** The literal step for the identical source text, else the step's {@link Unresolved} form. */
  public String instantiate(String source) {
    if (source != null && fingerprint(source).equals(sourceFingerprint)) {
      return step;
    }
    return Unresolved.step(Member.parse(step).key());
  }

  static String fingerprint(String source) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) { // every Java platform must provide SHA-256
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
