package io.stepcache.liberty.health;

import io.stepcache.liberty.cdi.StepCacheRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the engine runs. A failed start fails the deployment instead, so this only goes down
 * when the application is stopping.
 */
@Liveness
@ApplicationScoped
public class StepCacheLiveness implements HealthCheck {

  @Inject StepCacheRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("stepcache-live")
        .withData("backend", String.valueOf(runtime.backendName()))
        .status(runtime.isRunning())
        .build();
  }
}
