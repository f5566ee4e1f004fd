/**
 * MicroProfile Metrics of the API: {@code stepcache.requests} (tags path, task), {@code
 * stepcache.tokens} (tags kind=prompt|completion, task), {@code stepcache.latency} (timer, tag
 * path) and {@code stepcache.errors} (tag code). Liberty serves them at {@code /metrics}.
 */
package io.stepcache.liberty.metrics;
