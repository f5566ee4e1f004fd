/**
 * Task-specific judges: each served answer is checked against the generator's ground truth and for
 * the integrity of the whole output, whatever path or cache produced it.
 */
package io.stepcache.bench.judge;
