package io.stepcache.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyBootstrapTest {

  @TempDir Path dir;

  @Test
  void theFirstStartWritesAnOwnerOnlyAdministratorKeyAndLaterStartsLeaveItAlone() throws Exception {
    ApiKeys keys = ApiKeys.inFile(dir.resolve("keys.json"));
    Path keyFile = dir.resolve("admin.key");

    assertThat(AdminKeyBootstrap.ensureAdminKey(keys, keyFile)).contains(keyFile.toAbsolutePath());
    String key = Files.readString(keyFile).strip();
    assertThat(keys.authenticate(key)).hasValueSatisfying(c -> {
      assertThat(c.isAdmin()).isTrue();
      assertThat(c.tenant()).isEqualTo("default");
    });
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

    assertThat(AdminKeyBootstrap.ensureAdminKey(ApiKeys.inFile(dir.resolve("keys.json")), keyFile)).isEmpty();
    assertThat(Files.readString(keyFile).strip()).isEqualTo(key);
  }

  @Test
  void revokingTheLastAdministratorKeyMeansANewOneAtTheNextStart() throws Exception {
    ApiKeys keys = ApiKeys.inFile(dir.resolve("keys.json"));
    Path keyFile = dir.resolve("admin.key");
    AdminKeyBootstrap.ensureAdminKey(keys, keyFile);
    String first = Files.readString(keyFile).strip();
    keys.revoke(keys.list().get(0).id());

    assertThat(AdminKeyBootstrap.ensureAdminKey(keys, keyFile)).isPresent();
    String second = Files.readString(keyFile).strip();
    assertThat(second).isNotEqualTo(first);
    assertThat(keys.authenticate(second)).isPresent();
    assertThat(keys.authenticate(first)).isEmpty();
  }
}
