package io.stepcache.rules;

import io.stepcache.engine.pack.PackRejection;
import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.engine.verify.RuleEngine;
import io.stepcache.rules.internal.KieBaseCompiler;
import io.stepcache.rules.internal.KieBaseRules;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.verify.RuleResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a pack's DRL plus the shared rules into one KieBase per pack (classic DRL mode,
 * {@code drools-mvel}: about 1 s for the first pack, tens of milliseconds after that).
 */
public final class DroolsRuleEngine implements RuleEngine {

  /** The shared rules every pack's rule base includes. */
  public static final List<RuleResource> SHARED_RULES =
      List.of(RuleResource.classpath(DroolsRuleEngine.class, "/stepcache/shared/integrity.drl"));

  private final KieBaseCompiler compiler = new KieBaseCompiler();

  @Override
  public CompiledRules compile(PackDescriptor pack, List<RuleResource> rules, ClassLoader packClassLoader) {
    if (rules == null || rules.isEmpty()) {
      throw PackRejection.of(pack.id(), "it ships no rules; a pack must verify its steps");
    }
    List<RuleResource> all = new ArrayList<>(rules);
    all.addAll(SHARED_RULES);
    return new KieBaseRules(compiler.compile(pack, all, packClassLoader), RulesHash.of(all), compiler);
  }
}
