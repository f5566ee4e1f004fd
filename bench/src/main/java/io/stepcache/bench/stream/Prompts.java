package io.stepcache.bench.stream;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The request texts of a run: seeded, a different one per repetition (its label and two topics,
 * at the start of the prompt). Within a repetition the three calls send the same prompt, so the
 * server must run with {@code --no-cache-prompt}: else the second and third would find the prompt
 * in its cache and skip most of the prefill ({@link StreamRunner} fails when a call reused any
 * cached prompt token).
 */
final class Prompts {

  private static final List<String> TOPICS = List.of("lanterns", "rivers", "harbours", "orchards", "glaciers",
      "bicycles", "lighthouses", "markets", "violins", "deserts", "kites", "bridges", "forests", "trains", "islands",
      "clocks", "gardens", "storms", "libraries", "meadows", "comets", "ferries", "bakeries", "canyons", "owls",
      "tides", "windmills", "quarries", "chess", "lagoons", "ravens", "tunnels");

  private final SplittableRandom random;

  Prompts(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next prompt; {@code label} names the repetition ({@code 7}, {@code warm-up 1}). */
  String next(String label) {
    String a = TOPICS.get(random.nextInt(TOPICS.size()));
    String b;
    do {
      b = TOPICS.get(random.nextInt(TOPICS.size()));
    } while (b.equals(a));
    return "Set " + label + ": short lines about " + a + " and " + b + ".";
  }
}
