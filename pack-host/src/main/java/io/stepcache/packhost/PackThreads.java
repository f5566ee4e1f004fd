package io.stepcache.packhost;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * Threads of the pack machinery: daemons whose context class loader is the host's, set
 * explicitly. A thread inherits the context class loader of the thread that creates it; a
 * long-lived thread created while a pack's loader was the context would keep that loader (and
 * every class of the pack) alive for ever.
 */
final class PackThreads {

  private PackThreads() {}

  /** A one-thread scheduler; cancelled tasks are removed at once (they may hold a retired pack). */
  static ScheduledThreadPoolExecutor scheduler(String name) {
    ClassLoader host = PackThreads.class.getClassLoader();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      t.setContextClassLoader(host);
      return t;
    };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }
}
