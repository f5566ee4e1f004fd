package io.stepcache.identity.internal;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.identity.ApiKeyInfo;
import io.stepcache.identity.ApiKeys;
import io.stepcache.identity.CacheControl;
import io.stepcache.identity.Caller;
import io.stepcache.identity.IssuedKey;
import io.stepcache.identity.Role;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ApiKeys} in one JSON file: {@code {"version":1,"keys":[{"id","sha256","tenant","role","label","created",
 * "revoked","cacheControl"}]}} ({@code cacheControl}, the directives the key may send, is absent from keys written
 * before it existed: they may send every one). Every change rewrites the whole file (a temporary file moved over it, owner-only permissions), so a
 * crash leaves the old or the new file, never half of one. Reads are served from memory.
 */
public final class FileApiKeys implements ApiKeys {

  private static final int FORMAT_VERSION = 1;
  private static final int MAX_LABEL = 200;

  private record Entry(ApiKeyInfo info, String sha256) {}

  private final Path file;
  private final Map<String, Entry> keys = new LinkedHashMap<>();

  private FileApiKeys(Path file) {
    this.file = file;
  }

  /**
   * Opens (or, when missing, starts) the key file.
   *
   * @throws IllegalStateException naming the file and what is wrong when it cannot be read
   */
  public static FileApiKeys open(Path file) {
    FileApiKeys k = new FileApiKeys(file.toAbsolutePath());
    if (Files.exists(k.file)) {
      k.load();
    }
    return k;
  }

  @Override
  public synchronized IssuedKey issue(String tenant, Role role, String label, Set<CacheControl> cacheControl) {
    CompletionRequest.tenantProblem(tenant).ifPresent(p -> {
      throw new IllegalArgumentException("The tenant of a key " + p);
    });
    String note = label == null ? "" : label.strip();
    if (note.length() > MAX_LABEL || note.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A key's label must be at most " + MAX_LABEL
          + " characters without control characters");
    }
    String id;
    do {
      id = KeyFormat.newId();
    } while (keys.containsKey(id));
    String key = KeyFormat.newKey(id);
    ApiKeyInfo info = new ApiKeyInfo(id, tenant, role, note, Instant.now(), Optional.empty(), cacheControl);
    keys.put(id, new Entry(info, KeyFormat.hash(key)));
    save();
    return new IssuedKey(info, key);
  }

  @Override
  public Optional<Caller> authenticate(String presentedKey) {
    Optional<String> id = KeyFormat.idOf(presentedKey);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Entry e;
    synchronized (this) {
      e = keys.get(id.get());
    }
    if (e == null || !e.info().active() || !KeyFormat.sameHash(e.sha256(), KeyFormat.hash(presentedKey))) {
      return Optional.empty();
    }
    return Optional.of(new Caller(e.info().id(), e.info().tenant(), e.info().role(), e.info().cacheControl()));
  }

  @Override
  public synchronized boolean revoke(String id) {
    Entry e = keys.get(id);
    if (e == null || !e.info().active()) {
      return false;
    }
    keys.put(id, new Entry(e.info().revokedAt(Instant.now()), e.sha256()));
    save();
    return true;
  }

  @Override
  public synchronized List<ApiKeyInfo> list() {
    return keys.values().stream().map(Entry::info).toList();
  }

  @Override
  public synchronized Optional<ApiKeyInfo> find(String id) {
    return Optional.ofNullable(keys.get(id)).map(Entry::info);
  }

  private void load() {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = Json.createReader(r)) {
      JsonObject root = json.readObject();
      if (root.getInt("version", -1) != FORMAT_VERSION) {
        throw bad("it has no \"version\": " + FORMAT_VERSION, null);
      }
      for (JsonValue v : root.getJsonArray("keys")) {
        Entry e = entry(v.asJsonObject());
        if (keys.put(e.info().id(), e) != null) {
          throw bad("key id " + e.info().id() + " appears twice", null);
        }
      }
    } catch (IOException e) {
      throw bad("it cannot be read (" + e.getMessage() + ")", e);
    } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
        | DateTimeParseException e) {
      throw bad("it is not a key file of this version (" + e.getMessage() + ")", e);
    }
  }

  private static Entry entry(JsonObject o) {
    String id = o.getString("id");
    if (!KeyFormat.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad key id '" + id + "'");
    }
    Role role = Role.parse(o.getString("role"))
        .orElseThrow(() -> new IllegalArgumentException("key " + id + " has an unknown role"));
    Optional<Instant> revoked = o.isNull("revoked") ? Optional.empty() : Optional.of(Instant.parse(o.getString("revoked")));
    // a key written before cache directives were per key may use every one, as it could then
    Set<CacheControl> cacheControl = CacheControl.all();
    if (o.containsKey("cacheControl")) {
      cacheControl = EnumSet.noneOf(CacheControl.class);
      for (JsonValue d : o.getJsonArray("cacheControl")) {
        String name = ((JsonString) d).getString();
        cacheControl.add(CacheControl.parse(name)
            .orElseThrow(() -> new IllegalArgumentException("key " + id + " has an unknown cache directive " + name)));
      }
    }
    ApiKeyInfo info = new ApiKeyInfo(id, o.getString("tenant"), role, o.getString("label", ""),
        Instant.parse(o.getString("created")), revoked, cacheControl);
    return new Entry(info, o.getString("sha256"));
  }

  private void save() {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (Entry e : keys.values()) {
      ApiKeyInfo i = e.info();
      JsonObjectBuilder o = Json.createObjectBuilder().add("id", i.id()).add("sha256", e.sha256())
          .add("tenant", i.tenant()).add("role", i.role().wireName()).add("label", i.label())
          .add("created", i.created().toString());
      JsonArrayBuilder directives = Json.createArrayBuilder();
      i.cacheControl().forEach(d -> directives.add(d.wireName()));
      o.add("cacheControl", directives);
      if (i.revoked().isPresent()) {
        o.add("revoked", i.revoked().get().toString());
      } else {
        o.addNull("revoked");
      }
      list.add(o);
    }
    JsonObject root = Json.createObjectBuilder().add("version", FORMAT_VERSION).add("keys", list).build();
    try {
      OwnerOnlyFiles.write(file, root.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("The API key file " + file + " cannot be written: " + e.getMessage(), e);
    }
  }

  private IllegalStateException bad(String why, Exception cause) {
    return new IllegalStateException("The API key file " + file + " is unusable: " + why
        + ". Fix or move it away (moving it away revokes every key; a new administrator key is issued at start).",
        cause);
  }
}
