/** Results: per-request records, per-(system, seed) rows, means, targets, table, JSON, CSV and plots. */
package io.stepcache.bench.report;
