package io.stepcache.spi.repair;

/**
 * The backend, as a repair strategy sees it: one prompt in, the model's text out. The host counts
 * tokens and latency and enforces limits; a backend failure surfaces as an unchecked exception that
 * strategies must let through.
 */
@FunctionalInterface
public interface ModelCall {

  /** The model's answer to {@code prompt}. */
  String complete(String prompt);
}
