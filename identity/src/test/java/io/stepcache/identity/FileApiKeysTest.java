package io.stepcache.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileApiKeysTest {

  @TempDir Path dir;

  @Test
  void anIssuedKeyAuthenticatesAsItsTenantAndRoleAndOnlyItsHashIsStored() throws Exception {
    Path file = dir.resolve("keys.json");
    ApiKeys keys = ApiKeys.inFile(file);
    IssuedKey k = keys.issue("team-a", Role.CLIENT, "ci");

    assertThat(k.key()).startsWith("sck_" + k.info().id() + "_").hasSize(4 + 12 + 1 + 43);
    assertThat(keys.authenticate(k.key())).contains(new Caller(k.info().id(), "team-a", Role.CLIENT));
    String stored = Files.readString(file);
    assertThat(stored).contains(k.info().id()).doesNotContain(k.key().substring(18));
    assertThat(k.toString()).doesNotContain(k.key());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void wrongMalformedUnknownAndRevokedKeysAreRefused() {
    ApiKeys keys = ApiKeys.inFile(dir.resolve("keys.json"));
    IssuedKey k = keys.issue("team-a", Role.ADMIN, "");
    String wrongSecret = k.key().substring(0, k.key().length() - 1) + (k.key().endsWith("A") ? "B" : "A");

    assertThat(keys.authenticate(wrongSecret)).isEmpty();
    assertThat(keys.authenticate("sck_" + "a".repeat(12) + "_" + "b".repeat(43))).isEmpty();
    assertThat(keys.authenticate("stepcache-admin")).isEmpty();
    assertThat(keys.authenticate(null)).isEmpty();
    assertThat(keys.revoke(k.info().id())).isTrue();
    assertThat(keys.revoke(k.info().id())).isFalse();
    assertThat(keys.authenticate(k.key())).isEmpty();
    assertThat(keys.hasActiveAdmin()).isFalse();
  }

  @Test
  void keysAndRevocationsSurviveReopening() {
    Path file = dir.resolve("sub/keys.json");
    ApiKeys first = ApiKeys.inFile(file);
    IssuedKey kept = first.issue("a", Role.CLIENT, "kept");
    IssuedKey revoked = first.issue("b", Role.GATEWAY, "revoked");
    first.revoke(revoked.info().id());

    ApiKeys again = ApiKeys.inFile(file);
    assertThat(again.authenticate(kept.key())).map(Caller::tenant).contains("a");
    assertThat(again.authenticate(revoked.key())).isEmpty();
    assertThat(again.list()).extracting(ApiKeyInfo::id).containsExactly(kept.info().id(), revoked.info().id());
    assertThat(again.find(revoked.info().id())).hasValueSatisfying(i -> assertThat(i.revoked()).isPresent());
  }

  @Test
  void badTenantsAndLabelsAreRefusedWithTheReason() {
    ApiKeys keys = ApiKeys.inFile(dir.resolve("keys.json"));
    assertThatThrownBy(() -> keys.issue("../etc", Role.CLIENT, "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> keys.issue("a", Role.CLIENT, "x\ny")).hasMessageContaining("label");
    assertThatThrownBy(() -> keys.issue("a", Role.CLIENT, "x".repeat(201))).hasMessageContaining("200");
    assertThat(keys.list()).isEmpty();
  }

  @Test
  void anUnreadableKeyFileStopsTheServerInsteadOfStartingWithoutKeys() throws Exception {
    Path file = dir.resolve("keys.json");
    Files.writeString(file, "{\"version\":1,\"keys\":[{\"id\":\"nope\"}]}");
    assertThatThrownBy(() -> ApiKeys.inFile(file)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("unusable");
    Files.writeString(file, "not json");
    assertThatThrownBy(() -> ApiKeys.inFile(file)).isInstanceOf(IllegalStateException.class);
  }
}
