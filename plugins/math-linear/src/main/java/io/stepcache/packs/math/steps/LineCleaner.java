package io.stepcache.packs.math.steps;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cleans one line of model output into a candidate step: drops markdown emphasis, bullets and
 * numbering, {@code "Step 1:"} prefixes and a final full stop, and collapses spaces. Lines with
 * neither an operation word nor an equation are chatter and dropped.
 */
public final class LineCleaner {

  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
  private static final Pattern BULLET = Pattern.compile("^(?:[-*•+]|\\d+[.)])\\s+");
  private static final Pattern STEP_PREFIX = Pattern.compile("^(?i:step)\\s*\\d+\\s*[:.)-]\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TRAILING_STOP = Pattern.compile("[.;]+$");
  private static final Pattern OPERATION_WORD =
      Pattern.compile("^(?i:(?:final\\s+)?answer|add|subtract|multiply|divide|swap)\\b.*");

  private LineCleaner() {}

  /** The cleaned step, or empty when the line is chatter. */
  public static Optional<String> clean(String line) {
    String s = EMPHASIS.matcher(line).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    s = BULLET.matcher(s).replaceFirst("");
    s = STEP_PREFIX.matcher(s).replaceFirst("");
    s = TRAILING_STOP.matcher(s).replaceFirst("").strip();
    if (s.isEmpty() || !(s.indexOf('=') >= 0 || OPERATION_WORD.matcher(s).matches())) {
      return Optional.empty();
    }
    return Optional.of(s);
  }
}
