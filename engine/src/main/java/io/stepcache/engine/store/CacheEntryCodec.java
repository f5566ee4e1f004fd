package io.stepcache.engine.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact, versioned binary form of {@link CacheEntry} for stores that keep bytes (Infinispan's
 * file store). A magic byte and the version, then length-prefixed UTF-8 strings. Version 2 adds
 * the checkpoint list after the creation time, version 3 the trust of every step after it, version 4 the
 * key's partition and the entry's own expiry at the end; older entries are still read
 * (no partition, no expiry of their own, no checkpoints, every step provisional).
 */
public final class CacheEntryCodec {

  private static final int MAGIC = 0x5C;
  private static final int VERSION = 4;
  private static final int VERSION_WITH_PARTITION = 4;
  private static final int VERSION_WITH_TRUST = 3;
  private static final int VERSION_WITHOUT_TRUST = 2;
  private static final int VERSION_WITHOUT_CHECKPOINTS = 1;

  private CacheEntryCodec() {}

  public static byte[] encode(CacheEntry e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(MAGIC);
      out.writeByte(VERSION);
      writeString(out, e.key().tenant());
      writeString(out, e.key().packKey());
      writeString(out, e.key().structureKey());
      writeString(out, e.prompt());
      writeMap(out, e.bindings());
      writeMap(out, e.features());
      out.writeInt(e.stepTemplates().size());
      for (String s : e.stepTemplates()) {
        writeString(out, s);
      }
      out.writeLong(e.createdAtEpochMs());
      out.writeInt(e.checkpoints().size());
      for (int c : e.checkpoints()) {
        out.writeInt(c);
      }
      out.writeInt(e.trust().size());
      for (StepTrust t : e.trust()) {
        out.writeByte(t.state().ordinal());
        out.writeInt(t.votes());
        writeString(out, t.lineage());
      }
      writeString(out, e.key().partition());
      out.writeLong(e.expiresAtEpochMs());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a cache entry of a known version
   */
  public static CacheEntry decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int magic = in.readUnsignedByte();
      int version = in.readUnsignedByte();
      if (magic != MAGIC || version < VERSION_WITHOUT_CHECKPOINTS || version > VERSION) {
        throw new IllegalArgumentException("Not a StepCache entry of format " + VERSION_WITHOUT_CHECKPOINTS
            + " to " + VERSION + " (magic " + magic + ", version " + version + ")");
      }
      EntryKey key = new EntryKey(readString(in), readString(in), readString(in));
      String prompt = readString(in);
      Map<String, String> bindings = readMap(in);
      Map<String, String> features = readMap(in);
      int n = in.readInt();
      List<String> steps = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        steps.add(readString(in));
      }
      long created = in.readLong();
      List<Integer> checkpoints = new ArrayList<>();
      if (version >= VERSION_WITHOUT_TRUST) {
        int m = in.readInt();
        if (m < 0 || m > n) {
          throw new IOException("Implausible checkpoint count " + m + " for " + n + " steps");
        }
        for (int i = 0; i < m; i++) {
          checkpoints.add(in.readInt());
        }
      }
      List<StepTrust> trust = new ArrayList<>();
      if (version >= VERSION_WITH_TRUST) {
        int t = in.readInt();
        if (t != n) {
          throw new IOException("Trust count " + t + " for " + n + " steps");
        }
        StepTrust.State[] states = StepTrust.State.values();
        for (int i = 0; i < t; i++) {
          int state = in.readUnsignedByte();
          if (state >= states.length) {
            throw new IOException("Unknown step trust state " + state);
          }
          trust.add(new StepTrust(states[state], in.readInt(), readString(in)));
        }
      }
      long expiresAt = 0;
      if (version >= VERSION_WITH_PARTITION) {
        key = new EntryKey(key.tenant(), key.packKey(), readString(in), key.structureKey());
        expiresAt = in.readLong();
      }
      return new CacheEntry(key, prompt, bindings, features, steps, created, checkpoints, trust, expiresAt);
    } catch (IOException ex) {
      throw new IllegalArgumentException("Truncated StepCache entry", ex);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 64 * 1024 * 1024) {
      throw new IOException("Implausible string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void writeMap(DataOutputStream out, Map<String, String> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(readString(in), readString(in));
    }
    return m;
  }
}
