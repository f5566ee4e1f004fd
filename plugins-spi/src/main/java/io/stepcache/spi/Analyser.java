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

  /**
   * The part of {@code request} that decides which step is right for {@code slot} ({@link
   * io.stepcache.spi.segment.Segmenter#slot}): two requests with the same evidence for a slot have
   * the same right step there. A step generated for one request and the same step generated
   * independently for another request with the same evidence confirm each other; two different
   * steps contradict each other. Defaults to the whole prompt; the json pack returns the source
   * text and the key's type (another instruction wording asks the same of the same text). Since SPI
   * 1.1.
   */
  default String evidence(TaskRequest request, String slot) {
    return request.prompt();
  }
}
