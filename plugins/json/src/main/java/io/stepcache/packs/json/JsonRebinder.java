package io.stepcache.packs.json;

import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abstracts and re-instantiates only the key of a step: {@code "name": "Alice"} is stored as
 * {@code "{{k0}}": "Alice"} and comes back under the new request's key for position {@code k0}.
 * Values are never touched (the default placeholder rebinder would also rewrite a value that
 * happens to contain a key name); the rules re-check them against the new source text. A
 * placeholder the new request has no key for stays as it is and fails verification.
 */
final class JsonRebinder implements Rebinder {

  private static final Pattern KEY_PLACEHOLDER = Pattern.compile("^\"\\{\\{(k\\d+)}}\"(\\s*:.*)$", Pattern.DOTALL);

  @Override
  public String abstractStep(String stepText, Signature signature) {
    Member member = Member.parse(stepText);
    if (member.key() == null) {
      return stepText;
    }
    for (Map.Entry<String, String> binding : signature.bindings().entrySet()) {
      if (binding.getValue().equals(member.key())) {
        return "\"{{" + binding.getKey() + "}}\": " + member.rawValue();
      }
    }
    return stepText;
  }

  @Override
  public String instantiate(String template, Signature signature) {
    Matcher m = KEY_PLACEHOLDER.matcher(template);
    if (!m.matches()) {
      return template;
    }
    String key = signature.binding(m.group(1));
    return key == null ? template : StrictJson.quote(key) + m.group(2);
  }
}
