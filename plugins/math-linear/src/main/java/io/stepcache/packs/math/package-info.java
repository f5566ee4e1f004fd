/**
 * The {@code math-linear} task pack: linear equations in one unknown, solved as ordered steps
 * ({@code "Subtract 5 from both sides: 3x = 15"}), each step verified arithmetically by Drools
 * rules, the steps from the first failing one on rewritten by one compact model continuation (a
 * bounded number of calls) and, where that fails too, by an Apache Commons Math solver.
 *
 * <p>{@link io.stepcache.packs.math.MathTaskPack} is the {@link java.util.ServiceLoader} entry
 * point; the sub-packages hold one job each (reading, steps, rebinding, facts, prompts, repair,
 * solving).
 */
package io.stepcache.packs.math;
