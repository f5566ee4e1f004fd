package io.stepcache.bench.load;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.plot.Charts;
import io.stepcache.bench.plot.PlotWriter;
import io.stepcache.bench.report.LoadFigures;
import io.stepcache.bench.report.Targets;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A load-mode run: its settings ({@code meta}) and one {@link LoadStep} per concurrency. Written as
 * {@code load.json} (meta, steps, targets) and {@code load.csv} (one line per endpoint and
 * concurrency); {@link #readFigures} reads a load.json back for the other modes' targets.
 *
 * @param meta run metadata (url, client, durations, seeding, machine)
 * @param steps in the order measured
 */
public record LoadResult(Map<String, Object> meta, List<LoadStep> steps) {

  public LoadResult {
    meta = new LinkedHashMap<>(meta);
    steps = List.copyOf(steps);
  }

  /** What the targets need. */
  public LoadFigures figures(String source) {
    List<LoadFigures.Step> out = new ArrayList<>();
    for (LoadStep s : steps) {
      out.add(new LoadFigures.Step(s.concurrency(), s.reuse().throughputRps(), s.echo().throughputRps(),
          s.reuse().p50Ms(), s.reuse().p99Ms(), s.echo().p50Ms(), s.reuse().errors(), s.echo().errors()));
    }
    return new LoadFigures(source, out);
  }

  /** The two HTTP targets, from this run alone. */
  public List<Targets.Target> targets() {
    return Targets.http(null, figures("this run"), null);
  }

  /** The load.json document. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>(meta);
    m.put("steps", steps.stream().map(LoadStep::toJson).toList());
    m.put("targets", targets().stream().map(Targets.Target::toJson).toList());
    return m;
  }

  /** load.csv: one line per (concurrency, endpoint). */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("concurrency,endpoint,path,seconds,requests,errors,throughputRps,p50Ms,p99Ms,"
        + "meanMs,maxMs,meanResponseBytes,ratio,clientCpuCores,serverCpuCores,machineCpuCores\n");
    for (LoadStep s : steps) {
      for (EndpointStats e : List.of(s.reuse(), s.echo())) {
        sb.append(String.join(",", Integer.toString(s.concurrency()), e.endpoint(), e.path(), num(e.seconds()),
            Long.toString(e.requests()), Long.toString(e.errors()), num(e.throughputRps()), num(e.p50Ms()),
            num(e.p99Ms()), num(e.meanMs()), num(e.maxMs()), num(e.meanResponseBytes()), num(s.ratio()),
            num(e.clientCores()), num(e.serverCores()), num(e.machineCores()))).append('\n');
      }
    }
    return sb.toString();
  }

  /** The table: per concurrency both endpoints, the ratio and CPU use; then the targets. */
  public void printTable(PrintStream out) {
    String header = String.format(Locale.ROOT, "%5s | %9s %8s %8s %6s | %9s %8s %8s %6s | %6s | %s",
        "conc", "REUSE/s", "p50 ms", "p99 ms", "errors", "echo/s", "p50 ms", "p99 ms", "errors", "ratio",
        "CPU cores client/server/machine (REUSE; echo)");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (LoadStep s : steps) {
      EndpointStats r = s.reuse();
      EndpointStats e = s.echo();
      out.println(String.format(Locale.ROOT, "%5d | %9.0f %8.3f %8.3f %6d | %9.0f %8.3f %8.3f %6d | %6.2f | %s; %s",
          s.concurrency(), r.throughputRps(), r.p50Ms(), r.p99Ms(), r.errors(), e.throughputRps(), e.p50Ms(), e.p99Ms(),
          e.errors(), s.ratio(), cpu(r), cpu(e)));
    }
    out.println();
    out.println("ratio = REUSE throughput / echo throughput; percentiles over successful requests; clients and server"
        + " share this machine's CPUs");
    out.println();
    out.println("Targets:");
    for (Targets.Target t : targets()) {
      out.println(String.format(Locale.ROOT, "  [%-12s] %s%n                 measured: %s", t.status(), t.target(),
          t.measured()));
    }
  }

  private static String cpu(EndpointStats e) {
    return c(e.clientCores()) + "/" + c(e.serverCores()) + "/" + c(e.machineCores());
  }

  private static String c(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Writes load.json, load.csv and the plots (throughput and latency by concurrency); returns the files. */
  public List<Path> write(Path dir, boolean png, List<String> warnings) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    Path json = dir.resolve("load.json");
    Files.writeString(json, Json.pretty(toJson()), StandardCharsets.UTF_8);
    files.add(json);
    Path csv = dir.resolve("load.csv");
    Files.writeString(csv, toCsv(), StandardCharsets.UTF_8);
    files.add(csv);
    List<String> xs = steps.stream().map(s -> Integer.toString(s.concurrency())).toList();
    PlotWriter plots = new PlotWriter(dir, png);
    Map<String, double[]> throughput = new LinkedHashMap<>();
    throughput.put("REUSE", steps.stream().mapToDouble(s -> s.reuse().throughputRps()).toArray());
    throughput.put("echo", steps.stream().mapToDouble(s -> s.echo().throughputRps()).toArray());
    Map<String, String> colours = Map.of(
        "REUSE", "#2ca02c", "echo", "#1f77b4", "REUSE p50", "#2ca02c", "REUSE p99", "#2ca02c",
        "echo p50", "#1f77b4", "echo p99", "#1f77b4");
    files.addAll(plots.write("load-throughput", Charts.lines(
        "Throughput by concurrency: REUSE (/api/v1/completions) vs echo (/api/v1/bench/echo)", "concurrent clients",
        "requests per second", xs, throughput, colours, Set.of())));
    Map<String, double[]> latency = new LinkedHashMap<>();
    latency.put("REUSE p50", steps.stream().mapToDouble(s -> s.reuse().p50Ms()).toArray());
    latency.put("REUSE p99", steps.stream().mapToDouble(s -> s.reuse().p99Ms()).toArray());
    latency.put("echo p50", steps.stream().mapToDouble(s -> s.echo().p50Ms()).toArray());
    latency.put("echo p99", steps.stream().mapToDouble(s -> s.echo().p99Ms()).toArray());
    files.addAll(plots.write("load-latency", Charts.lines("Round trip by concurrency (closed loop on loopback)",
        "concurrent clients", "milliseconds", xs, latency, colours, Set.of("REUSE p99", "echo p99"))));
    warnings.addAll(plots.warnings());
    return files;
  }

  private static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * The figures of a load.json written by this class.
   *
   * @throws IOException when the file cannot be read or is not a load.json
   */
  @SuppressWarnings("unchecked")
  public static LoadFigures readFigures(Path file) throws IOException {
    Object doc;
    try {
      doc = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (Json.ParseException e) {
      throw new IOException(file + " is not JSON: " + e.getMessage(), e);
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("steps") instanceof List<?> steps)) {
      throw new IOException(file + " is not a load.json (no \"steps\" array)");
    }
    List<LoadFigures.Step> out = new ArrayList<>();
    for (Object o : steps) {
      Map<String, Object> s = (Map<String, Object>) o;
      Map<String, Object> reuse = (Map<String, Object>) s.get("reuse");
      Map<String, Object> echo = (Map<String, Object>) s.get("echo");
      if (reuse == null || echo == null || !(s.get("concurrency") instanceof BigDecimal c)) {
        throw new IOException(file + " is not a load.json (a step without concurrency, reuse or echo)");
      }
      out.add(new LoadFigures.Step(c.intValue(), dbl(reuse.get("throughputRps")), dbl(echo.get("throughputRps")),
          dbl(reuse.get("p50Ms")), dbl(reuse.get("p99Ms")), dbl(echo.get("p50Ms")), lng(reuse.get("errors")),
          lng(echo.get("errors"))));
    }
    Object finished = ((Map<String, Object>) doc).get("finishedAt");
    return new LoadFigures(file + (finished instanceof String f ? " (" + f + ")" : ""), out);
  }

  private static double dbl(Object o) {
    return o instanceof BigDecimal d ? d.doubleValue() : Double.NaN;
  }

  private static long lng(Object o) {
    return o instanceof BigDecimal d ? d.longValue() : 0;
  }
}
