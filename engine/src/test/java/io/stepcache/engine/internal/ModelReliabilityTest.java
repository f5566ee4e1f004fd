package io.stepcache.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.trust.TrustSettings;
import org.junit.jupiter.api.Test;

class ModelReliabilityTest {

  private final ModelReliability reliability = new ModelReliability(TrustSettings.defaults());

  @Test
  void anUnknownModelNeedsTwoConfirmationsAndAReliableOneOne() {
    assertThat(reliability.confirmationsNeeded("p", "k")).isEqualTo(2);
    for (int i = 0; i < 200; i++) {
      reliability.observe("p", "k", true);
    }
    assertThat(reliability.errorRate("p")).isLessThan(0.003);
    assertThat(reliability.confirmationsNeeded("p", "k")).isEqualTo(1);
  }

  @Test
  void moreDisagreementNeedsMoreUnanimousAgreementsUpToTheMaximum() {
    // a model wrong on 5 % of its answers disagrees with another sample about 9.5 % of the time
    for (int i = 0; i < 1000; i++) {
      reliability.observe("five", "k", i % 1000 >= 95);
    }
    assertThat(reliability.errorRate("five")).isBetween(0.04, 0.06);
    for (int i = 0; i < 1000; i++) {
      reliability.observe("thirty", "k", i % 100 >= 42); // 2 * 0.3 * 0.7 = 42 % disagreement
    }
    assertThat(reliability.errorRate("thirty")).isBetween(0.27, 0.33);
    int five = reliability.confirmationsNeeded("five", "k");
    assertThat(five).isBetween(1, 3);
    // 0.3^6 = 0.07 % <= 0.1 %: five agreements after the first statement
    assertThat(reliability.confirmationsNeeded("thirty", "k")).isEqualTo(5);
    assertThat(reliability.confirmationsNeeded("thirty", "k")).isGreaterThan(five);
  }

  @Test
  void aSlotThatIsOftenGotWrongNeedsMoreThanThePackAsAWhole() {
    for (int i = 0; i < 300; i++) {
      reliability.observe("json", "name", true);
    }
    for (int i = 0; i < 30; i++) {
      reliability.observe("json", "time", i % 10 >= 4); // 40 % disagreement about the time
    }
    assertThat(reliability.confirmationsNeeded("json", "name")).isEqualTo(1);
    assertThat(reliability.confirmationsNeeded("json", "time")).isGreaterThanOrEqualTo(4);
    assertThat(reliability.errorRate("json", "time")).isGreaterThan(reliability.errorRate("json"));
  }

  @Test
  void packsAreMeasuredApart() {
    for (int i = 0; i < 100; i++) {
      reliability.observe("bad", "k", false);
    }
    assertThat(reliability.confirmationsNeeded("bad", "k")).isEqualTo(TrustSettings.DEFAULT_MAX_CONFIRMATIONS);
    assertThat(reliability.confirmationsNeeded("good", "k")).isEqualTo(2);
  }
}
