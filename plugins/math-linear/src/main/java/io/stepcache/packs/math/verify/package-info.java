/**
 * The facts the pack's Drools rules ({@code /stepcache/math-linear/*.drl}) match on. Facts are
 * JavaBeans that carry the arithmetic (is this step's equation equivalent to the problem, does the
 * operation applied to the previous equation give it); the rules compare and report.
 *
 * <p>Verification facts: {@link io.stepcache.packs.math.verify.LinearProblem}, one {@link
 * io.stepcache.packs.math.verify.EquationStep} or {@link io.stepcache.packs.math.verify.AnswerStep}
 * per step, and one {@link io.stepcache.packs.math.verify.StepOutline}; for problems the pack
 * cannot check, a single {@link io.stepcache.packs.math.verify.UnverifiableProblem}. Guard facts:
 * {@link io.stepcache.packs.math.verify.KindPair}.
 */
package io.stepcache.packs.math.verify;
