package io.stepcache.packs.json;

import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.PrettyObject;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.spi.Signature;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins key steps into a pretty JSON object, one key per line, and reads the compact object (key
 * order kept) as the final answer. The answer is {@code null} when there are no steps or they do
 * not make a strict JSON object: a step that does not parse, or a key twice.
 */
final class JsonStitcher implements Stitcher {

  @Override
  public String stitch(List<String> steps, TaskRequest request) {
    return PrettyObject.of(steps);
  }

  @Override
  public String answerJson(List<String> steps, TaskRequest request, Signature signature) {
    if (steps.isEmpty()) {
      return null;
    }
    List<Member> members = steps.stream().map(Member::parse).toList();
    Set<String> seen = new HashSet<>();
    for (Member member : members) {
      if (!member.parsed() || !seen.add(member.key())) {
        return null;
      }
    }
    return members.stream()
        .map(m -> StrictJson.quote(m.key()) + ":" + StrictJson.compact(m.value()))
        .collect(Collectors.joining(",", "{", "}"));
  }
}
