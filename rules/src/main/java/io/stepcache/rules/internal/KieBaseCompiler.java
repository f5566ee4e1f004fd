package io.stepcache.rules.internal;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.verify.RuleResource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Builds a KieBase from DRL texts with an explicit class loader, under a fresh release id per
 * build (never the global classpath container), and removes the module from the KIE repository
 * when the rules are closed.
 */
public final class KieBaseCompiler {

  private static final AtomicLong BUILDS = new AtomicLong();
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

  /** A compiled rule base and the release id it lives under. */
  public record Compiled(KieBase kieBase, ReleaseId releaseId) {}

  public Compiled compile(PackDescriptor pack, List<RuleResource> rules, ClassLoader classLoader) {
    KieServices ks = KieServices.Factory.get();
    ReleaseId rid =
        ks.newReleaseId("io.stepcache.packs", pack.id(), pack.version() + "-b" + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(rid);
    for (RuleResource r : rules) {
      kfs.write("src/main/resources/" + folderOf(r) + "/" + r.name(), r.drl());
    }
    KieBuilder builder = ks.newKieBuilder(kfs, classLoader);
    builder.buildAll(); // classic DRL (drools-mvel): fastest to compile at run time
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      ks.getRepository().removeKieModule(rid);
      String detail =
          errors.stream()
              .limit(10)
              .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText().strip())
              .collect(Collectors.joining("; "));
      throw new StepCacheException(
          ErrorCode.PACK_REJECTED,
          "Task pack '" + pack.id() + "' was rejected: its rules do not compile: " + detail);
    }
    KieBase kieBase = ks.newKieContainer(rid, classLoader).getKieBase();
    return new Compiled(kieBase, rid);
  }

  /** The folder matching the DRL's package declaration (Drools expects them to agree). */
  private static String folderOf(RuleResource r) {
    Matcher m = PACKAGE.matcher(r.drl());
    return m.find() ? m.group(1).replace('.', '/') : "stepcache/default";
  }

  /** Forgets a compiled module. */
  public void release(Compiled compiled) {
    KieServices.Factory.get().getRepository().removeKieModule(compiled.releaseId());
  }
}
