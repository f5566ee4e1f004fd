package io.stepcache.packs.math.verify;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.steps.StepLine;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepLine.UnreadableLine;
import io.stepcache.packs.math.steps.StepParser;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.FactProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the request's problem and every step into facts. Each step is checked against the
 * request itself (re-read from the prompt), never against the cached neighbour. A step follows
 * from the equation of the step before it (the problem's for the first step); after an unreadable
 * step or one in another unknown that equation is unknown, and the operation is not checked until
 * the step before it is fixed.
 */
public final class MathFactProvider implements FactProvider {

  @Override
  public List<Object> verificationFacts(
      TaskRequest request, Signature signature, List<String> steps, String stitched, String answerJson) {
    Problem read = ProblemReader.read(request.prompt());
    if (!read.isLinear()) {
      return List.of(new UnverifiableProblem(read.kind().feature()));
    }
    LinearProblem problem = new LinearProblem(read);
    List<Object> facts = new ArrayList<>();
    facts.add(problem);
    LinearEquation previous = read.equation();
    int answers = 0;
    int lastAnswer = -1;
    for (int i = 0; i < steps.size(); i++) {
      String text = steps.get(i);
      StepLine line = StepParser.parse(text);
      if (line instanceof OperationLine op) {
        EquationStep step = EquationStep.of(i, text, op, previous, problem);
        facts.add(step);
        previous = step.isForeignVariable() ? null : op.equation();
      } else if (line instanceof AnswerLine answer) {
        facts.add(AnswerStep.of(i, text, answer, previous, problem));
        answers++;
        lastAnswer = i;
      } else if (line instanceof UnreadableLine bad && bad.answer()) {
        facts.add(AnswerStep.unreadable(i, text, bad.reason(), problem));
        answers++;
        lastAnswer = i;
        previous = null;
      } else if (line instanceof UnreadableLine bad) {
        facts.add(EquationStep.unreadable(i, text, bad.reason(), problem));
        previous = null;
      }
    }
    facts.add(new StepOutline(steps.size(), answers, lastAnswer));
    return facts;
  }

  @Override
  public List<Object> guardFacts(Signature cached, Signature fresh) {
    return List.of(new KindPair(cached, fresh));
  }
}
