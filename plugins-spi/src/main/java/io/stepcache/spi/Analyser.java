package io.stepcache.spi;

/** Turns a request into its {@link Signature}. Must be deterministic and side-effect free. */
@FunctionalInterface
public interface Analyser {

  /**
   * The request's signature. A pack that can tell the request is nonsense for its domain throws
   * {@link TaskInputException}; anything it merely cannot verify still gets a signature (with
   * features the guard rules can use to send it to SKIP).
   */
  Signature analyse(TaskRequest request);
}
