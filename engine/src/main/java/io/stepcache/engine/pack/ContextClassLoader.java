package io.stepcache.engine.pack;

import java.util.Objects;

/**
 * Sets the current thread's context class loader until {@link #close()}, which puts the previous
 * one back. Pack code, Drools and Infinispan look classes, services and resources up through the
 * context class loader, so every call into them runs inside one of these:
 *
 * <pre>{@code
 * try (ContextClassLoader ignored = ContextClassLoader.use(pack.classLoader())) {
 *   pack.start(context);
 * }
 * }</pre>
 *
 * Written by hand because it is three lines of JDK calls that must be restored on every path; one
 * class keeps the nine places that need it from each getting the restore subtly different.
 */
public final class ContextClassLoader implements AutoCloseable {

  private final Thread thread;
  private final ClassLoader previous;

  private ContextClassLoader(ClassLoader loader) {
    this.thread = Thread.currentThread();
    this.previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
  }

  /** Makes {@code loader} the current thread's context class loader until the result is closed. */
  public static ContextClassLoader use(ClassLoader loader) {
    return new ContextClassLoader(Objects.requireNonNull(loader, "loader"));
  }

  /** Restores the context class loader the thread had before. */
  @Override
  public void close() {
    thread.setContextClassLoader(previous);
  }
}
