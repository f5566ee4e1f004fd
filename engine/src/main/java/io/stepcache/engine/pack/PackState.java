package io.stepcache.engine.pack;

/** Lifecycle of a pack (after pf4j's PluginState). */
public enum PackState {
  /** Loaded, rules compiled, started, serving requests. */
  STARTED,
  /** Loading failed; the pack serves nothing. */
  FAILED,
  /** Closed. */
  STOPPED
}
