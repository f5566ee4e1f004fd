package io.stepcache.engine.verify;

import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.verify.RuleResource;
import java.util.List;

/** Compiles a pack's rules. */
public interface RuleEngine {

  /**
   * Compiles {@code rules} for one pack, resolving fact classes through {@code packClassLoader}.
   *
   * @throws io.stepcache.engine.error.StepCacheException with {@code PACK_REJECTED} when the rules
   *     do not compile; the message lists the compiler's errors
   */
  CompiledRules compile(PackDescriptor pack, List<RuleResource> rules, ClassLoader packClassLoader);
}
