package io.stepcache.engine.backend;

/**
 * Receives a generation as it arrives ({@link Backend#stream}). Called on the thread that reads the model's answer,
 * in order; never concurrently.
 */
@FunctionalInterface
public interface TextSink {

  /**
   * The next piece of the generated text.
   *
   * @return {@code true} to go on; {@code false} to cancel the generation at once: the backend stops reading,
   *     closes the connection (a server stops generating, and billing, for a closed stream) and returns what it
   *     had
   */
  boolean accept(String delta);
}
