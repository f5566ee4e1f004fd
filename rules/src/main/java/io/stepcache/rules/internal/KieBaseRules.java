package io.stepcache.rules.internal;

import io.stepcache.engine.pack.ContextClassLoader;
import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.spi.verify.Verdicts;
import java.util.Collection;
import org.kie.api.runtime.StatelessKieSession;

/** One pack's KieBase; every evaluation runs in a new stateless session. */
public final class KieBaseRules implements CompiledRules {

  private final KieBaseCompiler.Compiled compiled;
  private final String rulesHash;
  private final KieBaseCompiler compiler;

  public KieBaseRules(KieBaseCompiler.Compiled compiled, String rulesHash, KieBaseCompiler compiler) {
    this.compiled = compiled;
    this.rulesHash = rulesHash;
    this.compiler = compiler;
  }

  @Override
  public String rulesHash() {
    return rulesHash;
  }

  /**
   * Runs the rules with the rules' class loader view as context class loader: Drools looks up its
   * runtime services through it, and a hot-deployed pack's own loader cannot see Drools.
   */
  @Override
  public Verdicts evaluate(Collection<?> facts) {
    Verdicts verdicts = new Verdicts();
    try (ContextClassLoader ignored = ContextClassLoader.use(compiled.loader())) {
      StatelessKieSession session = compiled.kieBase().newStatelessKieSession();
      session.setGlobal("verdicts", verdicts);
      session.execute(facts);
    }
    return verdicts;
  }

  @Override
  public void close() {
    compiler.release(compiled);
  }
}
