package io.stepcache.engine.verify;

import io.stepcache.spi.verify.Verdicts;
import java.util.Collection;

/** One pack's compiled rules. Thread-safe: every evaluation uses its own session. */
public interface CompiledRules extends AutoCloseable {

  /** SHA-256 (hex) over the pack's rule texts and the shared rules: part of every cache key. */
  String rulesHash();

  /** Inserts {@code facts}, fires every rule, and returns what the rules reported. */
  Verdicts evaluate(Collection<?> facts);

  /** Releases the compiled rules. */
  @Override
  default void close() {}
}
