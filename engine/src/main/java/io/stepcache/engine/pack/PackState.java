package io.stepcache.engine.pack;

/** Lifecycle of a pack (after pf4j's PluginState). */
public enum PackState {
  /** Loaded, rules compiled, started, serving requests. */
  STARTED,
  /** Loading failed (bad jar, rules that do not compile, SPI mismatch, start failed...); serves nothing. */
  FAILED,
  /** Replaced or removed: no new request reaches it; requests already running on it finish. */
  STOPPING,
  /** Closed: its rules and its class loader are released. */
  STOPPED
}
