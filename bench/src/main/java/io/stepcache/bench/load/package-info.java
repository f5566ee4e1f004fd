/**
 * Load mode: closed-loop HTTP load on the REUSE path of {@code POST /api/v1/completions} and on the
 * server's bare echo endpoint ({@code POST /api/v1/bench/echo}) at several concurrencies, with
 * throughput, p50/p99, errors and CPU use per measurement. Entry point: {@link
 * io.stepcache.bench.load.LoadRunner}.
 */
package io.stepcache.bench.load;
