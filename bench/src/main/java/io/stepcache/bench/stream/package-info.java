/**
 * The streaming benchmark of issue 13 ({@link io.stepcache.bench.stream.StreamBench}) and its
 * task pack ({@link io.stepcache.bench.stream.LinesPack}, {@code bench-lines}, in the bench module
 * only): a streamed MISS through StepCache's engine against the same call made directly to a real
 * llama-server, time to the first verified step, and how soon the server stops generating after
 * StepCache cancels at a failing step, by the server's own counters.
 */
package io.stepcache.bench.stream;
