package io.stepcache.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stderr: at most one every two seconds per job, plus one when a job ends. */
final class Progress {

  private final PrintStream err;
  private final boolean enabled;
  private final int jobs;
  private int job;
  private String label;
  private int total;
  private long start;
  private long lastPrint;

  Progress(PrintStream err, boolean enabled, int jobs) {
    this.err = err;
    this.enabled = enabled;
    this.jobs = jobs;
  }

  void startJob(String jobLabel, int requests) {
    job++;
    label = jobLabel;
    total = requests;
    start = System.nanoTime();
    lastPrint = start;
  }

  void step(int done, int correct, double meanLatencyMs) {
    long now = System.nanoTime();
    if (!enabled || (now - lastPrint < 2_000_000_000L && done < total)) {
      return;
    }
    lastPrint = now;
    double elapsed = (now - start) / 1e9;
    double eta = done == 0 ? 0 : elapsed / done * (total - done);
    err.println(String.format(Locale.ROOT,
        "[%d/%d %s] %d/%d requests (%.0f%%), %.1f%% correct, mean latency %.0f ms, %.1f s elapsed%s",
        job, jobs, label, done, total, 100.0 * done / Math.max(1, total), 100.0 * correct / Math.max(1, done),
        meanLatencyMs, elapsed, done < total ? String.format(Locale.ROOT, ", about %.0f s left", eta) : ""));
  }

  void note(String message) {
    if (enabled) {
      err.println(message);
    }
  }
}
