/**
 * The seeded workload of the paper's benchmark: linear-equation and JSON-extraction base prompts,
 * each followed by perturbations of constants, names, output schema, wording and meaning, with the
 * ground truth of every request.
 */
package io.stepcache.bench.workload;
