package io.stepcache.packs.units.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class UnitCatalogueTest {

  private static UnitCatalogue read(String text) {
    return UnitCatalogue.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "units.properties");
  }

  @Test
  void sizesAreExactAndFactorsToo() {
    UnitCatalogue u = read("m = length 1 metre\nmi = length 1609.344 mile miles\ncm = length 1/100\n");
    assertThat(u.find("miles")).get().extracting(Unit::symbol).isEqualTo("mi");
    assertThat(u.find("MILE")).isPresent();
    assertThat(u.find("cm").get().size()).isEqualTo(new BigFraction(1, 100));
    assertThat(u.find("mi").get().factorTo(u.find("cm").get())).isEqualTo(new BigFraction(1609344, 10));
    assertThat(u.find("mi").get().factorTo(u.find("m").get()).bigDecimalValue().toPlainString()).isEqualTo("1609.344");
  }

  @Test
  void aBadLineNamesItsLineAndWhatIsExpected() {
    assertThatThrownBy(() -> read("m = length 1\n\nkm = length one-thousand\n"))
        .hasMessageContaining("units.properties line 3")
        .hasMessageContaining("must be a positive decimal or fraction");
    assertThatThrownBy(() -> read("just words\n")).hasMessageContaining("line 1: expected '<symbol> = <dimension>");
    assertThatThrownBy(() -> read("x = length 0\n")).hasMessageContaining("must not be zero");
  }

  @Test
  void theShippedCatalogueReads() {
    UnitCatalogue u = UnitCatalogue.read(
        UnitCatalogue.class.getResourceAsStream("/stepcache/unit-convert/units.properties"), "units.properties");
    assertThat(u.units()).hasSizeGreaterThan(25);
    assertThat(u.find("GiB").get().size()).isEqualTo(new BigFraction(1L << 30));
    assertThat(u.find("lb").get().factorTo(u.find("kg").get()).doubleValue()).isEqualTo(0.45359237);
  }
}
