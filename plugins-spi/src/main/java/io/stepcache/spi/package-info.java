/**
 * The StepCache task-pack SPI (version {@link io.stepcache.spi.SpiVersion#CURRENT}).
 *
 * <p>A task pack teaches StepCache one domain: how to recognise its requests ({@link
 * io.stepcache.spi.Detector}), how to abstract a request into a structure key plus bindings
 * ({@link io.stepcache.spi.Analyser}), how to split an answer into ordered steps ({@link
 * io.stepcache.spi.segment.Segmenter}), how cached steps follow new bindings ({@link
 * io.stepcache.spi.Rebinder}), which Drools rules verify steps ({@link
 * io.stepcache.spi.verify.RuleResource}, {@link io.stepcache.spi.verify.FactProvider}), and how
 * failing steps are repaired ({@link io.stepcache.spi.repair.RepairStrategy}).
 *
 * <p>The entry point is {@link io.stepcache.spi.TaskPack}, found with {@link
 * java.util.ServiceLoader}. This module depends on the JDK only; packs depend on it with {@code
 * provided} scope and never bundle it.
 *
 * <p><b>Parts built from the context (SPI 1.1).</b> What a started pack serves requests with (its
 * detector, analyser, segmenter, rebinder, facts, repair strategies, prompts, stitcher, oracle) is
 * one immutable {@link io.stepcache.spi.PackParts} value. A new pack implements {@link
 * io.stepcache.spi.PartsTaskPack} and builds that value from its {@link
 * io.stepcache.spi.PackContext} in {@link io.stepcache.spi.TaskPack#parts(PackContext)}, so it has
 * no fields to set in {@code start}. A pack written against 1.0 (accessors plus {@code start})
 * keeps working unchanged: the default {@code parts} calls {@code start}, then each accessor once.
 * The host only ever asks {@code parts}. What the host reads before building the parts stays on
 * the pack: descriptor, settings, rules, verification strength.
 *
 * <p><b>Request options (SPI 1.1).</b> Pack-specific request fields travel in {@link
 * io.stepcache.spi.TaskRequest#options()}, a JSON-like {@link io.stepcache.spi.RequestOptions}
 * value; the json pack's schema and required keys are the options {@code schema} and {@code
 * requiredKeys}. The 1.0 constructor and accessors of {@code TaskRequest} read and write them.
 *
 * <p><b>How bad a verification is (SPI 1.1).</b> {@link
 * io.stepcache.spi.verify.Verification#SEVERITY} is the one ranking the engine and packs use.
 */
package io.stepcache.spi;
