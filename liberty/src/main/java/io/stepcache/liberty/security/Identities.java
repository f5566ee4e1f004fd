package io.stepcache.liberty.security;

import io.stepcache.engine.time.Clock;
import io.stepcache.identity.AdminKeyBootstrap;
import io.stepcache.identity.AdminPolicy;
import io.stepcache.identity.ApiKeys;
import io.stepcache.identity.AuthThrottle;
import io.stepcache.identity.BearerAuthenticator;
import io.stepcache.identity.SecurityMode;
import io.stepcache.identity.TenantPolicy;
import io.stepcache.liberty.config.SecurityProperties;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The server's keys, throttle and tenant policy, opened at deployment: a first start writes the administrator key
 * and logs where (never the key itself).
 */
@ApplicationScoped
public class Identities {

  /** The key file, in the security directory. */
  public static final String KEYS_FILE = "api-keys.json";
  /** The first administrator key, in the security directory. */
  public static final String ADMIN_KEY_FILE = "admin.key";

  private static final Logger LOG = Logger.getLogger(Identities.class.getName());

  @Inject @ConfigProperties SecurityProperties settings;

  private ApiKeys keys;
  private BearerAuthenticator authenticator;
  private TenantPolicy policy;
  private AdminPolicy adminPolicy;

  /** Opens at deployment, so the administrator key file exists before the first request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.fine(() -> "StepCache identities: " + policy);
  }

  @PostConstruct
  void open() {
    SecurityMode mode = settings.mode();
    Path dir = settings.dir();
    policy = new TenantPolicy(mode, settings.trustedGateway());
    adminPolicy = new AdminPolicy(settings.adminHttpsOnly());
    keys = ApiKeys.inFile(dir.resolve(KEYS_FILE));
    authenticator = new BearerAuthenticator(keys, AuthThrottle.backoff(settings.throttle(), Clock.system()));
    AdminKeyBootstrap.ensureAdminKey(keys, dir.resolve(ADMIN_KEY_FILE)).ifPresent(file -> LOG.warning(() ->
        "StepCache had no administrator key: one was issued and written to " + file
            + " (readable only by this user). Read it from there, issue keys with POST /api/v1/keys, and delete"
            + " the file."));
    LOG.info(() -> "StepCache security: mode " + mode.wireName() + (settings.trustedGateway() ? ", trusted gateway" : "")
        + ", " + keys.list().stream().filter(k -> k.active()).count() + " active API keys in " + dir);
  }

  /** The keys. */
  public ApiKeys keys() {
    return keys;
  }

  /** Bearer keys to callers, throttled. */
  public BearerAuthenticator authenticator() {
    return authenticator;
  }

  /** Who may administer packs and keys. */
  public AdminPolicy adminPolicy() {
    return adminPolicy;
  }

  /** Which tenant a caller's request is served on. */
  public TenantPolicy policy() {
    return policy;
  }
}
