package io.stepcache.packs.json;

import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.ObjectLocator;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.segment.Segmenter;
import java.util.List;

/**
 * One step per top-level key of the answer's JSON object, in the object's order. A step is {@code
 * "key": <value as compact JSON>}; a member whose value does not parse keeps its text, so the rules
 * can fail just that step. No object with quoted keys at all (missing, unbalanced, truncated)
 * gives no steps.
 */
final class JsonSegmenter implements Segmenter {

  @Override
  public List<String> segment(String output, TaskRequest request) {
    return ObjectLocator.members(output).orElse(List.of()).stream()
        .map(JsonSegmenter::stepText)
        .toList();
  }

  /**
   * The step's key: answers are compared key by key, whatever order the keys come in. A step
   * without a readable key is about its position.
   */
  @Override
  public String slot(String step, int index) {
    String key = Member.parse(step).key();
    return key != null ? key : Integer.toString(index);
  }

  private static String stepText(String memberText) {
    Member member = Member.parse(memberText);
    return member.parsed() ? member.text() : memberText;
  }
}
