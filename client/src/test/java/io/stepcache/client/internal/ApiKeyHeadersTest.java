package io.stepcache.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two ways the key gets into the Authorization header: configured, and given to the builder. */
class ApiKeyHeadersTest {

  @Test
  void aConfiguredKeyIsSentAsBearer() {
    assertThat(new ConfiguredApiKey(() -> Optional.of(" sck_a_b ")).update(new MultivaluedHashMap<>(),
        new MultivaluedHashMap<>()))
        .containsExactly(java.util.Map.entry("Authorization", List.of("Bearer sck_a_b")));
  }

  @Test
  void noConfiguredKeyNoHeader() {
    assertThat(new ConfiguredApiKey(Optional::empty).update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>()))
        .isEmpty();
    assertThat(new ConfiguredApiKey(() -> Optional.of("  ")).update(new MultivaluedHashMap<>(),
        new MultivaluedHashMap<>())).isEmpty();
  }

  @Test
  void theBuildersKeyMustBeThereAndIsNeverPrinted() {
    assertThatThrownBy(() -> new BearerKeyFilter(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("API key is required");
    assertThatThrownBy(() -> new BearerKeyFilter(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThat(new BearerKeyFilter("sck_secret_value")).hasToString("BearerKeyFilter[key hidden]");
  }
}
