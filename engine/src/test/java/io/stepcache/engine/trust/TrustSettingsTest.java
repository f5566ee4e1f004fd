package io.stepcache.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustSettingsTest {

  @Test
  void defaultsAreValidAndOutOfRangeValuesAreRefusedByName() {
    TrustSettings d = TrustSettings.defaults();
    assertThat(d.confirmations()).isEqualTo(1);
    assertThat(d.maxConfirmations()).isEqualTo(6);
    assertThat(d.withConfirmations(3).maxConfirmations()).isEqualTo(3);
    assertThatThrownBy(() -> new TrustSettings(TrustSettings.Confirm.EAGER, 0, 5, 0.001, 10, 0.05, 64, null)).hasMessageContaining("confirmations");
    assertThatThrownBy(() -> new TrustSettings(TrustSettings.Confirm.EAGER, 3, 2, 0.001, 10, 0.05, 64, null)).hasMessageContaining("maxConfirmations");
    assertThatThrownBy(() -> new TrustSettings(TrustSettings.Confirm.EAGER, 1, 5, 0, 10, 0.05, 64, null)).hasMessageContaining("errorTarget");
    assertThatThrownBy(() -> new TrustSettings(TrustSettings.Confirm.EAGER, 1, 5, 0.001, 0, 0.05, 64, null)).hasMessageContaining("queueCapacity");
    assertThatThrownBy(() -> d.withAuditRate(1.5)).hasMessageContaining("auditRate");
    assertThatThrownBy(() -> new TrustSettings(TrustSettings.Confirm.EAGER, 1, 5, 0.001, 10, 0.05, 0, null)).hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> new TrustSettings(TrustSettings.Confirm.EAGER, 1, 5, 0.001, 10, 0.05, 64, 3.0)).hasMessageContaining("temperature");
  }

  @Test
  void aDeferredWorkerRunsJobsOnlyWhenAskedAndRefusesBeyondItsCapacity() {
    DeferredTrustWorker w = TrustWorker.deferred(2);
    int[] ran = {0};
    assertThat(w.submit(() -> ran[0]++)).isTrue();
    assertThat(w.submit(() -> w.submit(() -> ran[0]++))).isTrue();
    assertThat(w.submit(() -> ran[0]++)).isFalse();
    assertThat(ran[0]).isZero();
    assertThat(w.runPending()).isEqualTo(3); // a job queued by a job runs in the same call
    assertThat(ran[0]).isEqualTo(2);
    w.close();
    assertThat(w.submit(() -> ran[0]++)).isFalse();
  }

  @Test
  void theBackgroundWorkerRefusesAtOnceWhenFull() throws Exception {
    try (TrustWorker w = TrustWorker.background(1)) {
      java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
      assertThat(w.submit(() -> {
        started.countDown();
        try {
          hold.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      })).isTrue();
      started.await();
      assertThat(w.submit(() -> {})).isTrue(); // queued
      assertThat(w.submit(() -> {})).isFalse(); // full: skipped, not blocked
      hold.countDown();
    }
  }
}
