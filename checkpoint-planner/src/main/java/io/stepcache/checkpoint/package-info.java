/**
 * Sparse checkpoint placement (Shirokikh and Nikolenko, arXiv 2605.05219; design section 6).
 *
 * <p>A shared prefix of length N can keep exact resumable state at no more than M positions; a
 * request that shares depth t resumes from the deepest checkpoint at or below t and recomputes the
 * rest. Given weights of overlap depths ({@link io.stepcache.checkpoint.DepthDistribution}),
 * {@link io.stepcache.checkpoint.CheckpointPlanner} finds the placement that minimises the
 * expected recompute exactly, in O(N M). {@link io.stepcache.checkpoint.CostModel} scores
 * any placement, {@link io.stepcache.checkpoint.Baselines} gives the paper's fixed heuristics,
 * and {@link io.stepcache.checkpoint.OnlineDepthEstimator} learns the weights from observed
 * depths and re-plans as they drift.
 *
 * <p>Checkpoints are only placed at bin edges (multiples of the bin size); with bin size 1 every
 * position is a candidate. Invalid input is rejected with an {@link
 * java.lang.IllegalArgumentException} whose message names the offending field as the HTTP contract
 * spells it ({@code histogram}, {@code samples}, {@code N}, {@code M}, {@code binSize}).
 */
package io.stepcache.checkpoint;
