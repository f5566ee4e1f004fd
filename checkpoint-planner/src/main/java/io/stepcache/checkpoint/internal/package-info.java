/**
 * The planner's dynamic program ({@link io.stepcache.checkpoint.internal.PlacementDp}) and
 * the monotone convex-hull trick it runs on ({@link
 * io.stepcache.checkpoint.internal.LowerEnvelope}). Use them through {@link
 * io.stepcache.checkpoint.CheckpointPlanner}.
 */
package io.stepcache.checkpoint.internal;
