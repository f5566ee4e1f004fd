package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Api.path;
import static it.io.stepcache.liberty.Api.request;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The step store outlives the application: fill the cache, undeploy (the Infinispan cache manager
 * stops), deploy again (a new one opens the same files) and the same request is a REUSE.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CacheRestartIT {

  private static final String APP = "stepcache-restart";

  @Deployment(name = APP, managed = false, testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/stepcache.war"));
  }

  @ArquillianResource Deployer deployer;

  private final Api api = new Api();

  @Test
  void cachedAnswersSurviveARedeployment() {
    String tenant = Api.freshTenant("restart");
    String prompt = "Solve 2x + 3 = 13.";

    deployer.deploy(APP);
    try {
      JsonObject first = api.complete(request(tenant, "math-linear", prompt));
      assertThat(path(first)).isEqualTo("MISS");
      assertThat(first.getJsonObject("answer").getJsonNumber("x").doubleValue()).isEqualTo(5.0);
    } finally {
      deployer.undeploy(APP);
    }

    deployer.deploy(APP);
    try {
      JsonObject again = api.complete(request(tenant, "math-linear", prompt));
      assertThat(path(again)).isEqualTo("REUSE");
      assertThat(again.getJsonObject("answer").getJsonNumber("x").doubleValue()).isEqualTo(5.0);
      // the stored templates follow other constants too
      JsonObject neighbour = api.complete(request(tenant, "math-linear", "Solve 2x + 5 = 19."));
      assertThat(path(neighbour)).isEqualTo("REUSE");
      assertThat(neighbour.getJsonObject("answer").getJsonNumber("x").doubleValue()).isEqualTo(7.0);
    } finally {
      deployer.undeploy(APP);
    }
  }
}
