package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Api.path;
import static it.io.stepcache.liberty.Api.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.testkit.PackSigner;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hot deployment of the unit-convert pack (built as its own jar, not in the WAR) into the running
 * server: through the admin API and through the packs directory, used, replaced by a new version,
 * removed; every kind of bad jar rejected with the rest untouched; administrators only; and swaps
 * under steady load. Prints the measured drop-to-first-served times and swap failures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackAdminIT {

  private static final String PACKS = "/api/v1/packs";
  private static final String ID = "unit-convert";
  private static final String JAR = "application/java-archive";

  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/stepcache.war"));
  }

  private final Api api = new Api();
  private final Path packsDir = Path.of(System.getProperty("it.packs.dir", "target/liberty-it/usr/servers/stepcache/packs"));

  /** The IT server keeps its packs directory between runs: start and end without the example pack. */
  @BeforeEach
  @AfterEach
  void withoutTheExamplePack() throws IOException {
    HttpResponse<String> r = api.send("DELETE", PACKS + "/" + ID, null, null, ItKeys.admin());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 404);
    try (var files = Files.list(packsDir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("uc")) {
          Files.delete(f);
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // not created yet
    }
    waitFor("the example pack to be gone", () -> pack(ID).isEmpty());
  }

  @Test
  @Order(1)
  void packAdministrationIsForAdministratorsOnly() {
    byte[] jar = PackJars.unitConvert().bytes();
    String client = ItKeys.forTenant(Api.freshTenant("pack-client"));
    boolean first = true;
    for (String[] call : List.of(
        new String[] {"GET", PACKS}, new String[] {"POST", PACKS}, new String[] {"GET", PACKS + "/" + ID},
        new String[] {"PUT", PACKS + "/" + ID}, new String[] {"DELETE", PACKS + "/" + ID})) {
      byte[] body = call[0].equals("POST") || call[0].equals("PUT") ? jar : null;
      String type = body == null ? null : JAR;
      HttpResponse<String> anonymous = api.send(call[0], call[1], type, body, null);
      Api.assertProblem(anonymous, 401, "UNAUTHORIZED");
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"StepCache\"");
      if (first) { // one wrong key only: SecurityIT covers the throttle, whose free failures these would use up
        Api.assertProblem(api.send(call[0], call[1], type, body, ItKeys.wrong(ItKeys.admin())), 401, "UNAUTHORIZED");
        first = false;
      }
      JsonObject forbidden = Api.assertProblem(api.send(call[0], call[1], type, body, client), 403, "FORBIDDEN");
      assertThat(forbidden.getString("detail")).contains(client.substring(4, 16)).contains("needs role 'admin'");
    }
    assertThat(pack(ID)).as("nothing was deployed by the refused calls").isEmpty();
    // the completion API stays open
    JsonObject open = api.complete(request(Api.freshTenant("open"), "math-linear", "Solve 2x + 2 = 10."));
    assertThat(open.getBoolean("verified")).isTrue();
  }

  @Test
  @Order(2)
  void uploadUseReplaceAndRemoveThroughTheApi() {
    String tenant = Api.freshTenant("units");
    long t0 = System.nanoTime();
    HttpResponse<String> created = admin("POST", PACKS, PackJars.unitConvert().bytes());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PACKS + "/" + ID));
    JsonObject miss = api.complete(request(tenant, ID, "Convert 5 km to miles"));
    long uploadToServedMs = (System.nanoTime() - t0) / 1_000_000;
    JsonObject v1 = pack(ID).orElseThrow();
    assertThat(v1.getString("state")).isEqualTo("STARTED");
    assertThat(v1.getString("rulesHash")).matches("[0-9a-f]{64}");
    assertThat(v1.getString("source")).isEqualTo("unit-convert.jar");
    assertThat(Files.exists(packsDir.resolve("unit-convert.jar"))).as("uploads are kept in the packs directory").isTrue();

    assertThat(path(miss)).isEqualTo("MISS");
    assertThat(miss.getBoolean("verified")).isTrue();
    assertThat(miss.getString("output")).isEqualTo("1 km = 0.621371 mi\n5 km × 0.621371 = 3.10686 mi\nAnswer: 3.10686 mi");
    assertThat(miss.getJsonObject("answer").getJsonNumber("value").doubleValue()).isEqualTo(3.10686);
    JsonObject reuse = api.complete(request(tenant, ID, "Convert 42 km to miles"));
    assertThat(path(reuse)).isEqualTo("REUSE");
    assertThat(reuse.getJsonObject("answer").getJsonNumber("value").doubleValue()).isEqualTo(26.0976);
    JsonObject detected = api.complete(request(tenant, null, "How many feet are in 3 metres?"));
    assertThat(detected.getString("task")).isEqualTo(ID);
    assertThat(path(api.complete(request(tenant, ID, "Convert 5 kg to pounds")))).isEqualTo("SKIP");

    // a new version: new requests are served by it, the old version's cached steps are gone
    HttpResponse<String> replaced = admin("PUT", PACKS + "/" + ID, PackJars.unitConvert().version("2.0.0").bytes());
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    JsonObject v2 = pack(ID).orElseThrow();
    assertThat(v2.getString("version")).isEqualTo("2.0.0");
    assertThat(v2.getString("state")).isEqualTo("STARTED");
    JsonObject afterReplace = api.complete(request(tenant, ID, "Convert 5 km to miles"));
    assertThat(path(afterReplace)).as("the 1st version's entries are invalid for the 2nd").isEqualTo("MISS");
    assertThat(afterReplace.getBoolean("verified")).isTrue();
    assertThat(path(api.complete(request(tenant, ID, "Convert 5 km to miles")))).isEqualTo("REUSE");

    // removed: its task is unknown again, its jar is gone from the packs directory
    HttpResponse<String> removed = admin("DELETE", PACKS + "/" + ID, null);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(Api.parse(removed.body()).asJsonObject().getString("version")).isEqualTo("2.0.0");
    JsonObject unknown = api.problem(Api.JSON, request(tenant, ID, "Convert 5 km to miles").build().toString(), 404, "UNKNOWN_TASK");
    assertThat(unknown.getString("detail")).contains(ID);
    assertThat(pack(ID)).isEmpty();
    assertThat(Files.exists(packsDir.resolve("unit-convert.jar"))).isFalse();
    Api.assertProblem(admin("DELETE", PACKS + "/" + ID, null), 404, "UNKNOWN_TASK");
    System.out.printf("[measure] admin API: upload (%d bytes) to first served request: %d ms%n",
        PackJars.unitConvert().bytes().length, uploadToServedMs);
  }

  @Test
  @Order(3)
  void badJarsAreRejectedAndTheRunningPacksAndTheCacheAreUntouched() {
    String tenant = Api.freshTenant("rejects");
    assertThat(admin("POST", PACKS, PackJars.unitConvert().bytes()).statusCode()).isEqualTo(201);
    assertThat(path(api.complete(request(tenant, ID, "Convert 3 gallons to litres")))).isEqualTo("MISS");
    assertThat(path(api.complete(request(tenant, "math-linear", "Solve 3x + 4 = 19.")))).isEqualTo("MISS");

    PackJars good = PackJars.unitConvert();
    reject("POST", "this is not a jar".getBytes(java.nio.charset.StandardCharsets.UTF_8), "is not a jar");
    reject("POST", good.without(PackJars.SERVICE).bytes(), "contains no task pack");
    reject("POST", good.with(PackJars.STEPS_DRL, "package stepcache.unitconvert;\nrule \"broken\"\nwhen\n  NoSuchFact( )\nthen\nend\n")
        .version("3.0.0").bytes(), "its rules do not compile");
    reject("PUT", good.with(PackJars.STEPS_DRL, "package stepcache.unitconvert;\nrule \"broken\" when then"
        ).version("3.0.0").bytes(), "its rules do not compile");
    reject("POST", good.manifest("StepCache-Requires-Spi", "[2.0,3.0)").bytes(), "requires SPI [2.0,3.0)");
    reject("POST", good.bytes(), "a pack with that id (unit-convert@");
    reject("PUT", good.with(PackJars.UNITS, "m = length 1\nkm = length one-thousand\n").version("3.0.0").bytes(),
        "failed to start", "units.properties line 2");
    // pack code runs with the server's permissions: only jars signed by the trusted (test) key run
    reject("POST", good.version("3.0.0").unsignedBytes(), "it is not signed");
    reject("PUT", good.version("3.0.0").tampered("io/stepcache/packs/units/UnitConvertTaskPack.class"),
        "does not match its signature");
    reject("PUT", good.version("3.0.0").signedBy(PackSigner.generate(Path.of("target", "it-strangers"),
        "CN=Someone Else")), "signed by [CN=Someone Else], whom this server does not trust");
    Api.assertProblem(api.send("POST", PACKS, "text/plain", good.bytes(), ItKeys.admin()), 415, "UNSUPPORTED_MEDIA_TYPE");
    Api.assertProblem(api.send("POST", PACKS, JAR, new byte[0], ItKeys.admin()), 400, "MALFORMED_REQUEST");

    // the good version serves on from its cache, and so does everything else
    JsonObject listed = pack(ID).orElseThrow();
    assertThat(listed.getString("version")).isEqualTo(good.versionOfBuild());
    assertThat(path(api.complete(request(tenant, ID, "Convert 3 gallons to litres")))).isEqualTo("REUSE");
    assertThat(path(api.complete(request(tenant, "math-linear", "Solve 3x + 4 = 19.")))).isEqualTo("REUSE");
    JsonArray all = packs();
    assertThat(all.stream().map(JsonValue::asJsonObject).filter(p -> p.getString("state").equals("FAILED")))
        .as("rejected uploads are listed with their error").isNotEmpty()
        .allSatisfy(p -> assertThat(p.getString("error")).isNotBlank());
  }

  @Test
  @Order(4)
  void hotDeployReplaceAndRemoveThroughThePacksDirectory() {
    String tenant = Api.freshTenant("dropped");
    Path file = packsDir.resolve("uc.jar");
    long t0 = System.nanoTime();
    PackJars.unitConvert().dropAtomically(file);
    long dropToServedMs = waitForServed(tenant, t0);
    assertThat(pack(ID).orElseThrow().getString("source")).isEqualTo("uc.jar");

    long t1 = System.nanoTime();
    PackJars.unitConvert().version("2.0.0").dropAtomically(file);
    waitFor("version 2.0.0 from the directory", () -> pack(ID).map(p -> p.getString("version").equals("2.0.0")).orElse(false));
    long replaceMs = (System.nanoTime() - t1) / 1_000_000;
    assertThat(path(api.complete(request(tenant, ID, "Convert 1 mi to km")))).isEqualTo("MISS");

    long t2 = System.nanoTime();
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    waitFor("the pack to go with its jar", () -> pack(ID).isEmpty());
    long removeMs = (System.nanoTime() - t2) / 1_000_000;
    api.problem(Api.JSON, request(tenant, ID, "Convert 1 mi to km").build().toString(), 404, "UNKNOWN_TASK");
    System.out.printf("[measure] packs directory (scan interval 0.5 s): jar drop to first served request %d ms;"
        + " overwrite to new version listed %d ms; delete to removed %d ms%n", dropToServedMs, replaceMs, removeMs);
  }

  @Test
  @Order(5)
  void replacingThePackUnderSteadyLoadFailsNoRequest() throws Exception {
    int clients = 4;
    int swaps = 6;
    assertThat(admin("POST", PACKS, PackJars.unitConvert().bytes()).statusCode()).isEqualTo(201);
    byte[] v1 = PackJars.unitConvert().bytes();
    byte[] v2 = PackJars.unitConvert().version("2.0.0").bytes();
    AtomicBoolean stop = new AtomicBoolean();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String tenant = Api.freshTenant("load" + c);
      running.add(pool.submit(() -> {
        int i = 0;
        while (!stop.get()) {
          int km = 1 + (i++ % 50);
          long t = System.nanoTime();
          HttpResponse<String> r = api.post("/api/v1/completions", Api.JSON,
              request(tenant, ID, "Convert " + km + " km to m").build().toString());
          latencies.add((System.nanoTime() - t) / 1_000);
          if (r.statusCode() != 200) {
            failures.add(r.statusCode() + " " + r.body());
            continue;
          }
          JsonObject o = Api.parse(r.body()).asJsonObject();
          if (!o.getBoolean("verified") || o.getJsonObject("answer").getJsonNumber("value").doubleValue() != km * 1000.0) {
            failures.add("wrong answer: " + r.body());
          }
        }
      }));
    }
    List<Long> swapMs = new ArrayList<>();
    Thread.sleep(500);
    for (int s = 0; s < swaps; s++) {
      long t = System.nanoTime();
      HttpResponse<String> r = admin("PUT", PACKS + "/" + ID, s % 2 == 0 ? v2 : v1);
      swapMs.add((System.nanoTime() - t) / 1_000_000);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      Thread.sleep(400);
    }
    stop.set(true);
    for (Future<?> f : running) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf("[measure] %d swaps (PUT, %s ms each) under steady load: %d requests from %d clients,"
        + " %d failed; request latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        swaps, swapMs, sorted.size(), clients, failures.size(), pct(sorted, 0.50), pct(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1000.0);
    assertThat(failures).as("requests that failed while the pack was being replaced").isEmpty();
    assertThat(sorted.size()).isGreaterThan(swaps * clients);
  }

  @Test
  @Order(6)
  void deployingAndRemovingTwentyTimesLeavesNoPackClassLoaderInTheServer() throws Exception {
    ProcessHandle server = ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar") || c.contains("ws-launch.jar")).orElse(false))
        .findFirst()
        .orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(server != null, "the Liberty server is not a child of this JVM");
    String tenant = Api.freshTenant("leak");
    byte[] jar = PackJars.unitConvert().bytes();
    for (int i = 0; i < 20; i++) {
      assertThat(admin("POST", PACKS, jar).statusCode()).isEqualTo(201);
      assertThat(api.complete(request(tenant, ID, "Convert " + (i + 1) + " km to m")).getBoolean("verified")).isTrue();
      if (i == 0) {
        assertThat(packLoaders(server.pid())).as("the live pack's loader is visible to the check").isPositive();
      }
      assertThat(admin("DELETE", PACKS + "/" + ID, null).statusCode()).isEqualTo(200);
    }
    long packLoaders = -1;
    for (int attempt = 0; attempt < 10 && packLoaders != 0; attempt++) {
      sleep(500); // retirement closes the last pack on its own thread
      jcmd(server.pid(), "GC.run");
      packLoaders = packLoaders(server.pid());
    }
    System.out.printf("[measure] 20 upload/use/remove cycles in the server: %d PackClassLoader left after GC%n", packLoaders);
    assertThat(packLoaders).as("pack class loaders still alive in the server after 20 deploy/remove cycles").isZero();
  }

  /** Pack class loaders the JVM still has (live or not yet collected). */
  private static long packLoaders(long pid) throws IOException, InterruptedException {
    return jcmd(pid, "VM.classloader_stats").lines()
        .filter(l -> l.contains("io.stepcache.packhost.PackClassLoader")).count();
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static double pct(List<Long> sortedMicros, double p) {
    return sortedMicros.get((int) Math.min(sortedMicros.size() - 1, Math.floor(p * sortedMicros.size()))) / 1000.0;
  }

  private void reject(String method, byte[] jar, String... reasons) {
    String path = method.equals("PUT") ? PACKS + "/" + ID : PACKS;
    JsonObject p = Api.assertProblem(admin(method, path, jar), 422, "PACK_REJECTED");
    assertThat(p.getString("detail")).contains(reasons);
  }

  private long waitForServed(String tenant, long t0) {
    String body = request(tenant, ID, "Convert 5 km to miles").build().toString();
    long deadline = t0 + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = api.post("/api/v1/completions", Api.JSON, body);
      if (r.statusCode() == 200) {
        assertThat(Api.parse(r.body()).asJsonObject().getBoolean("verified")).isTrue();
        return (System.nanoTime() - t0) / 1_000_000;
      }
      assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
      sleep(20);
    }
    throw new AssertionError("the dropped pack was not served within 60 s");
  }

  private static void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> admin(String method, String path, byte[] jar) {
    return api.send(method, path, jar == null ? null : JAR, jar, ItKeys.admin());
  }

  private JsonArray packs() {
    HttpResponse<String> r = api.get(PACKS, ItKeys.admin());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Api.parse(r.body()).asJsonArray();
  }

  /** The live (not FAILED) listing entry of a pack. */
  private Optional<JsonObject> pack(String id) {
    return packs().stream().map(JsonValue::asJsonObject)
        .filter(p -> p.get("id").getValueType() == JsonValue.ValueType.STRING && p.getString("id").equals(id))
        .filter(p -> !p.getString("state").equals("FAILED"))
        .findFirst();
  }
}
