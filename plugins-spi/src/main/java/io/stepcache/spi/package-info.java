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
 */
package io.stepcache.spi;
