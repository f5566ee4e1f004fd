package io.stepcache.liberty.health;

import io.stepcache.liberty.cdi.StepCacheRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the engine runs, at least one task pack is loaded and the step store accepts calls. */
@Readiness
@ApplicationScoped
public class StepCacheReadiness implements HealthCheck {

  @Inject StepCacheRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("stepcache-ready");
    boolean running = runtime.isRunning();
    int packs = running ? runtime.engine().packs().size() : 0;
    boolean store = runtime.isStoreAvailable();
    b.withData("running", running).withData("packs", packs).withData("storeAvailable", store);
    if (store) {
      b.withData("storedEntries", runtime.storedEntries());
    }
    return b.status(running && packs > 0 && store).build();
  }
}
