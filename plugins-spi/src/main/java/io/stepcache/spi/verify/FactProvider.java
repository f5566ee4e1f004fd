package io.stepcache.spi.verify;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.List;

/** Turns requests and steps into the facts a pack's rules match on. */
public interface FactProvider {

  /**
   * Facts for verifying {@code steps} against {@code request}: typically one fact per step plus
   * one for the request and one for the stitched output. The host adds a {@link StepFact} per step
   * and an {@link OutputFact} itself.
   *
   * @param stitched the steps as the stitcher joins them
   * @param answerJson the final answer the stitcher extracted, or {@code null}
   */
  List<Object> verificationFacts(
      TaskRequest request, Signature signature, List<String> steps, String stitched, String answerJson);

  /**
   * Extra facts for the reuse guard. The host always inserts a {@link SignatureChange}; most packs
   * need nothing more.
   */
  default List<Object> guardFacts(Signature cached, Signature fresh) {
    return List.of();
  }
}
