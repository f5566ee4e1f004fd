package io.stepcache.packhost;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.pack.PackRejection;
import io.stepcache.engine.pack.PackState;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hot deployment of pack jars: deploy, replace and remove packs while requests are being served.
 *
 * <p>Every change is copy-on-write (Keycloak's deployer): the new pack is loaded completely first
 * (jar checked, own {@link PackClassLoader}, rules compiled, started) while the running packs serve
 * on; only then is it published in the {@link PackRegistry}, and the pack it replaces is retired:
 * requests already running on it finish on it, new ones see the new pack. When the last of them
 * has finished (or after the drain timeout), the old pack's cached steps are invalidated (its pack
 * key, {@code id@version#rulesHash}, is part of every cache key, so exactly its entries go), then it
 * is closed together with its rules and its class loader. A jar that fails at any step is rejected
 * with {@code PACK_REJECTED} and a reason; the running packs and the cache are untouched, and the
 * failure stays in {@link #list()} until the jar is fixed or removed.
 *
 * <p>Packs come from three places: the host's class path (built in, {@code classpath}), the packs
 * directory ({@link #scan()}: a {@code *.jar} added, changed or deleted there is deployed, replaced
 * or removed), and uploads ({@link #upload}). An uploaded jar is saved into the packs directory as
 * {@code <id>.jar}, so it is loaded again after a restart; removing a pack deletes its file there.
 *
 * <p>Thread-safe: changes are serialised; requests never wait for them.
 *
 * <p>Over 350 lines on purpose: deploy, upload, replace, undeploy and the directory scan share one
 * monitor and one state (the tracked files, the failures, the live registry), and each must leave
 * all three consistent; split across classes that state would need a lock protocol between them.
 * Retirement, which runs later on its own thread, is {@link PackRetirement}.
 */
public final class PackManager implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PackManager.class.getName());

  /** Source of uploaded packs while no packs directory is configured. */
  public static final String UPLOAD = "upload";

  private final PackLoader loader;
  private final PackRegistry registry;
  private final Path workDir;
  private final Path packsDir;
  private final PackRetirement retirement;
  private final PackSignatures signatures;
  private final AtomicLong deployments = new AtomicLong();

  /** Jars of the packs directory, by file name: what was last seen and which pack it holds. */
  private final Map<String, TrackedFile> files = new HashMap<>();
  /** Fingerprints seen once but not yet twice in a row (a jar being copied). */
  private final Map<String, Fingerprint> settling = new HashMap<>();
  /** Rejected jars, by source, as listings show them. */
  private final Map<String, PackInfo> failures = new TreeMap<>();

  /**
   * @param workDir where jars are staged and unpacked, one directory per deployment (emptied now)
   * @param packsDir the watched packs directory (created if missing), or {@code null} for none
   * @param invalidator removes every cached entry of a pack key and returns how many
   * @param drainTimeout how long a retired pack may keep serving requests already running on it;
   *     after that it is closed anyway
   */
  public PackManager(
      PackLoader loader,
      PackRegistry registry,
      Path workDir,
      Path packsDir,
      ToLongFunction<String> invalidator,
      Duration drainTimeout) {
    this(loader, registry, workDir, packsDir, invalidator, drainTimeout, PackSignatures.notRequired());
  }

  /** As above; every jar deployed is checked against {@code signatures} before anything of it loads. */
  public PackManager(
      PackLoader loader,
      PackRegistry registry,
      Path workDir,
      Path packsDir,
      ToLongFunction<String> invalidator,
      Duration drainTimeout,
      PackSignatures signatures) {
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
    this.packsDir = packsDir == null ? null : packsDir.toAbsolutePath().normalize();
    this.retirement = new PackRetirement(invalidator, drainTimeout);
    try {
      PackArchive.deleteQuietly(this.workDir);
      Files.createDirectories(this.workDir);
      if (this.packsDir != null) {
        Files.createDirectories(this.packsDir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the pack directories " + workDir + ", " + packsDir + ": " + e, e);
    }
  }

  /** The watched directory, if any. */
  public Optional<Path> packsDirectory() {
    return Optional.ofNullable(packsDir);
  }

  /** Live packs (STARTED) and rejected jars (FAILED), by id then source. */
  public synchronized List<PackInfo> list() {
    List<PackInfo> out = new ArrayList<>();
    registry.packs().forEach(p -> out.add(p.info()));
    out.addAll(failures.values());
    out.sort(Comparator.comparing((PackInfo i) -> i.id() == null ? "" : i.id()).thenComparing(PackInfo::source));
    return out;
  }

  /**
   * Deploys a jar that is not in the packs directory (it is staged; the file itself is not kept).
   *
   * @throws StepCacheException {@code PACK_REJECTED}: no pack, bad rules, SPI mismatch, start
   *     failure, or a pack with that id is already loaded
   */
  public synchronized PackInfo deploy(Path jar) {
    String name = jar.getFileName().toString();
    LoadedPack loaded = load(jar, name, name);
    publishNew(loaded);
    return loaded.info();
  }

  /**
   * Installs an uploaded jar: a new pack when {@code replaceId} is {@code null} (a loaded pack with
   * the same id is a rejection), otherwise the replacement of pack {@code replaceId} (the jar must
   * hold that pack; when none is loaded it is simply added). With a packs directory the jar is
   * saved there as {@code <id>.jar}.
   *
   * @param jar a file the caller owns (it is copied, never moved)
   */
  public synchronized PackInfo upload(Path jar, String replaceId) {
    String failureKey = UPLOAD + (replaceId == null ? "" : ":" + replaceId);
    LoadedPack loaded;
    try {
      loaded = load(jar, UPLOAD, UPLOAD);
    } catch (StepCacheException e) {
      failures.put(failureKey, failed(replaceId, e, UPLOAD));
      throw e;
    }
    String id = loaded.id();
    try {
      if (replaceId != null && !replaceId.equals(id)) {
        throw rejected(id, "the uploaded jar holds pack '" + id + "', not '" + replaceId + "'");
      }
      LoadedPack live = current(id);
      if (replaceId == null && live != null) {
        throw duplicate(id, live);
      }
      String fileName = packsDir == null ? null : persist(jar, id);
      if (fileName != null) {
        loaded.source(fileName);
      }
      if (live == null) {
        registry.register(loaded);
      } else {
        registry.replace(loaded);
        retire(live, !live.packKey().equals(loaded.packKey()));
        forgetFileOf(live, fileName);
      }
      if (fileName != null) {
        files.put(fileName, new TrackedFile(fingerprint(packsDir.resolve(fileName)), id));
        failures.remove(fileName);
      }
      failures.remove(failureKey);
      failures.remove(UPLOAD);
      LOG.info(() -> (live == null ? "Deployed" : "Replaced " + live.packKey() + " with") + " uploaded task pack "
          + loaded.packKey() + (fileName == null ? "" : ", saved as " + packsDir.resolve(fileName)));
      return loaded.info();
    } catch (StepCacheException | IOException e) {
      loaded.close();
      StepCacheException se = e instanceof StepCacheException s
          ? s
          : rejected(id, "it could not be saved in the packs directory " + packsDir + ": " + e);
      failures.put(failureKey, failed(id, se, UPLOAD));
      throw se;
    }
  }

  /**
   * Replaces the loaded pack with the jar's pack of the same id (added when none is loaded); the
   * jar is staged, not kept.
   */
  public synchronized PackInfo replace(Path jar) {
    String name = jar.getFileName().toString();
    LoadedPack loaded = load(jar, name, name);
    Optional<LoadedPack> previous = registry.replace(loaded);
    previous.ifPresent(old -> retire(old, !old.packKey().equals(loaded.packKey())));
    return loaded.info();
  }

  /**
   * Removes pack {@code id} (and any rejected jar that named it) and deletes its jar from the packs
   * directory. Requests already running on it finish; then its cached steps are invalidated and it
   * is closed.
   *
   * @throws StepCacheException {@code UNKNOWN_TASK} when no pack and no rejected jar has that id
   */
  public synchronized PackInfo undeploy(String id) {
    boolean failedOnes = false;
    for (Iterator<Map.Entry<String, PackInfo>> it = failures.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, PackInfo> e = it.next();
      if (id.equals(e.getValue().id())) {
        it.remove();
        failedOnes = true;
        TrackedFile tracked = files.get(e.getKey());
        if (tracked != null && tracked.id() == null) {
          deleteFile(e.getKey());
        }
      }
    }
    Optional<LoadedPack> removed = registry.unregister(id);
    if (removed.isEmpty()) {
      if (failedOnes) {
        return new PackInfo(id, "", "", PackState.STOPPED, "", null, "");
      }
      throw new StepCacheException(
          ErrorCode.UNKNOWN_TASK, "No task pack '" + id + "' is loaded; loaded packs: " + ids());
    }
    LoadedPack old = removed.get();
    forgetFileOf(old, null);
    retire(old, true);
    LOG.info(() -> "Removed task pack " + old.packKey() + " (from " + old.source() + ")");
    return old.info();
  }

  /**
   * Synchronises with the packs directory: a {@code *.jar} that appeared is deployed, one that
   * changed replaces the pack it held, one that disappeared removes it. A jar is acted on only when
   * its size and modification time are the same as at the previous scan, so a jar still being
   * copied is never loaded half-written (names starting with a dot are ignored: copy to {@code
   * .name.jar.tmp} and rename for an instant switch).
   */
  public void scan() {
    scan(false);
  }

  /** {@link #scan()} treating every jar as complete (at start-up, before any watcher runs). */
  public void loadDirectory() {
    scan(true);
  }

  private synchronized void scan(boolean trustAll) {
    if (packsDir == null) {
      return;
    }
    Map<String, Fingerprint> present = new TreeMap<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(packsDir, "*.jar")) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(jar)) {
          present.put(name, fingerprint(jar));
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot list the packs directory " + packsDir, e);
      return;
    }
    for (String name : new ArrayList<>(files.keySet())) {
      if (!present.containsKey(name)) {
        TrackedFile gone = files.remove(name);
        failures.remove(name);
        if (gone.id() != null) {
          LoadedPack live = current(gone.id());
          if (live != null && name.equals(live.source())) {
            registry.unregister(gone.id());
            retire(live, true);
            LOG.info(() -> "Removed task pack " + live.packKey() + ": " + name + " was deleted");
          }
        }
      }
    }
    settling.keySet().retainAll(present.keySet());
    for (Map.Entry<String, Fingerprint> e : present.entrySet()) {
      String name = e.getKey();
      TrackedFile tracked = files.get(name);
      if (tracked != null && tracked.fingerprint().equals(e.getValue())) {
        continue;
      }
      Fingerprint before = settling.put(name, e.getValue());
      if (!trustAll && !e.getValue().equals(before)) {
        continue; // new or still changing: look again at the next scan
      }
      settling.remove(name);
      installFile(name, e.getValue(), tracked == null ? null : tracked.id());
    }
  }

  private void installFile(String name, Fingerprint fingerprint, String previousId) {
    LoadedPack loaded;
    try {
      loaded = load(packsDir.resolve(name), name, name);
    } catch (StepCacheException e) {
      files.put(name, new TrackedFile(fingerprint, previousId));
      failures.put(name, failed(null, e, name));
      return;
    }
    String id = loaded.id();
    LoadedPack live = current(id);
    try {
      if (live != null && !(id.equals(previousId) && name.equals(live.source()))) {
        throw duplicate(id, live);
      }
    } catch (StepCacheException e) {
      loaded.close();
      files.put(name, new TrackedFile(fingerprint, previousId));
      failures.put(name, failed(id, e, name));
      return;
    }
    if (live != null) {
      registry.replace(loaded);
      retire(live, !live.packKey().equals(loaded.packKey()));
      LOG.info(() -> "Replaced task pack " + live.packKey() + " with " + loaded.packKey() + " from " + name);
    } else {
      registry.register(loaded);
      if (previousId != null) {
        // the file used to hold another pack: that one is gone now
        LoadedPack other = current(previousId);
        if (other != null && name.equals(other.source())) {
          registry.unregister(previousId);
          retire(other, true);
        }
      }
      LOG.info(() -> "Deployed task pack " + loaded.packKey() + " from " + name);
    }
    files.put(name, new TrackedFile(fingerprint, id));
    failures.remove(name);
  }

  /** Stages and loads a jar; failures are logged and rethrown. */
  private LoadedPack load(Path jar, String origin, String source) {
    long t0 = System.nanoTime();
    Path dir = workDir.resolve(deployments.incrementAndGet() + "-" + safe(origin));
    try {
      PackArchive archive = PackArchive.stage(jar, dir, origin, signatures);
      LoadedPack loaded = loader.loadJar(archive, source);
      LOG.fine(() -> "Loaded " + loaded.packKey() + " from " + origin + " in " + (System.nanoTime() - t0) / 1_000_000
          + " ms (" + archive.libraries().size() + " bundled libraries)");
      return loaded;
    } catch (StepCacheException e) {
      LOG.warning(() -> "Rejected pack jar " + origin + ": " + e.getMessage());
      throw e;
    }
  }

  private void publishNew(LoadedPack loaded) {
    LoadedPack live = current(loaded.id());
    if (live != null) {
      loaded.close();
      throw duplicate(loaded.id(), live);
    }
    registry.register(loaded);
  }

  private void retire(LoadedPack old, boolean invalidate) {
    retirement.retire(old, invalidate);
  }

  /** Completes when every retirement started so far has finished (tests, orderly shutdown). */
  public CompletableFuture<Void> retirements() {
    return retirement.pending();
  }

  /**
   * Stops the retirement thread and closes packs still retiring. Live packs belong to the registry
   * (closing one deletes its deployment directory); the work directory is emptied at the next start.
   */
  @Override
  public void close() {
    retirement.close();
  }

  private LoadedPack current(String id) {
    for (LoadedPack p : registry.packs()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  private List<String> ids() {
    return registry.packs().stream().map(LoadedPack::id).toList();
  }

  /** Saves an uploaded jar as {@code <id>.jar} in the packs directory, atomically. */
  private String persist(Path jar, String id) throws IOException {
    String fileName = id + ".jar";
    TrackedFile taken = files.get(fileName);
    if (taken != null && taken.id() != null && !taken.id().equals(id)) {
      fileName = id + "-" + deployments.get() + ".jar"; // the name already holds another pack
    }
    Path tmp = packsDir.resolve("." + fileName + ".uploading");
    Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.move(tmp, packsDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, packsDir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    }
    return fileName;
  }

  /** Deletes the packs-directory jar a pack came from, unless it is {@code keep}. */
  private void forgetFileOf(LoadedPack p, String keep) {
    String source = p.source();
    TrackedFile tracked = files.get(source);
    if (packsDir != null && tracked != null && !source.equals(keep) && p.id().equals(tracked.id())) {
      deleteFile(source);
    }
  }

  private void deleteFile(String name) {
    files.remove(name);
    settling.remove(name);
    failures.remove(name);
    try {
      Files.deleteIfExists(packsDir.resolve(name));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete " + packsDir.resolve(name), e);
    }
  }

  private static Fingerprint fingerprint(Path file) throws IOException {
    return new Fingerprint(Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static PackInfo failed(String id, StepCacheException e, String source) {
    return new PackInfo(id, "", "", PackState.FAILED, "", e.getMessage(), source);
  }

  private static StepCacheException duplicate(String id, LoadedPack live) {
    return rejected(
        id,
        "a pack with that id (" + live.packKey() + " from " + live.source() + ") is already loaded; replace it"
            + " (the admin API's replace, or overwrite its jar in the packs directory) or remove it first");
  }

  private static StepCacheException rejected(String id, String why) {
    return PackRejection.of(id, why);
  }

  private record Fingerprint(long size, long modified) {}

  private record TrackedFile(Fingerprint fingerprint, String id) {}
}
