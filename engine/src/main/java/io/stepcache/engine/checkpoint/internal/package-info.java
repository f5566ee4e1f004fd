/**
 * The planner's dynamic program ({@link io.stepcache.engine.checkpoint.internal.PlacementDp}) and
 * the monotone convex-hull trick it runs on ({@link
 * io.stepcache.engine.checkpoint.internal.LowerEnvelope}). Use them through {@link
 * io.stepcache.engine.checkpoint.CheckpointPlanner}.
 */
package io.stepcache.engine.checkpoint.internal;
