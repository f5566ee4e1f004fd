package io.stepcache.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shape of a key ({@code sck_<id>_<secret>}), its random parts and its stored hash. */
public final class KeyFormat {

  /** Every key starts with this, so secret scanners and people recognise one. */
  public static final String PREFIX = "sck_";

  /** 12 lower-case letters or digits. */
  private static final int ID_LENGTH = 12;
  private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  /** 32 random bytes, base64url without padding: 43 characters. */
  private static final int SECRET_BYTES = 32;
  private static final Pattern KEY = Pattern.compile("sck_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
  /** The public id of a key. */
  public static final Pattern ID = Pattern.compile("[a-z0-9]{12}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFormat() {}

  /** A fresh random key id. */
  public static String newId() {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  /** The full key for {@code id} with a fresh random secret. */
  public static String newKey(String id) {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The id inside {@code key}, or empty when {@code key} does not have a key's shape. */
  public static Optional<String> idOf(String key) {
    if (key == null) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(key);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The stored form of {@code key}: SHA-256, hex. */
  public static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
