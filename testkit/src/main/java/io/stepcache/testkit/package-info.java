/**
 * The pack test kit: {@link io.stepcache.testkit.PackTestKit} runs one task pack through the real
 * engine and the real Drools rules, with the simulated backend on a virtual clock and an
 * in-memory store, so a pack author can test segmenter, analyser, rules and repair without a
 * server.
 */
package io.stepcache.testkit;
