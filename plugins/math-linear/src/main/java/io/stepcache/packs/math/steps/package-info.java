/**
 * The answer format: one step per line, {@code "<Operation>: <equation>"}, ending with {@code
 * "Answer: x = <value>"}. Cleaning and segmenting model output into such lines, reading a line
 * into an operation and an equation, and stitching lines back together.
 */
package io.stepcache.packs.math.steps;
