package io.stepcache.packs.units.prompt;

import io.stepcache.packs.units.ConversionReader;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.sim.ModelOracle;
import java.util.Optional;

/**
 * A perfect model for this pack's prompts (simulated backend only): it reads the quoted request and
 * answers with the three correct steps.
 */
public final class UnitOracle implements ModelOracle {

  private final ConversionReader reader;

  public UnitOracle(ConversionReader reader) {
    this.reader = reader;
  }

  @Override
  public Optional<String> answer(String prompt) {
    if (!prompt.startsWith(UnitPrompts.HEADER)) {
      return Optional.empty();
    }
    int at = prompt.indexOf(UnitPrompts.REQUEST);
    if (at < 0) {
      return Optional.empty();
    }
    String request = prompt.substring(at + UnitPrompts.REQUEST.length()).lines().findFirst().orElse("");
    try {
      return Optional.of(String.join("\n", reader.read(request).steps()));
    } catch (TaskInputException e) {
      return Optional.empty();
    }
  }
}
