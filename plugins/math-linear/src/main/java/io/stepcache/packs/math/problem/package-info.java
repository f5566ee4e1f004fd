/**
 * Understanding a prompt: finding the equation in free text, naming its unknown, classifying it
 * ({@link io.stepcache.packs.math.problem.ProblemKind}) and abstracting it into a structure key
 * and bindings.
 */
package io.stepcache.packs.math.problem;
