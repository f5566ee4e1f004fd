package io.stepcache.rules.internal;

import io.stepcache.engine.pack.PackRejection;
import io.stepcache.engine.pack.ContextClassLoader;
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
import org.kie.api.runtime.KieContainer;

/**
 * Builds a KieBase from DRL texts with an explicit class loader, under a fresh release id per
 * build (never the global classpath container), and removes the module from the KIE repository
 * when the rules are closed.
 *
 * <p>Drools sees the pack's classes through a {@link RulesClassLoader} (the pack's loader plus
 * Drools), which is also the context class loader while Drools builds; closing the rules disposes
 * the container, forgets the module and detaches that view from the pack's loader, so nothing
 * Drools keeps can keep a hot-deployed pack's classes alive.
 */
public final class KieBaseCompiler {

  private static final AtomicLong BUILDS = new AtomicLong();
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

  /** A compiled rule base, the release id and container it lives in, and the loader it sees. */
  public record Compiled(KieBase kieBase, ReleaseId releaseId, KieContainer container, RulesClassLoader loader) {}

  public Compiled compile(PackDescriptor pack, List<RuleResource> rules, ClassLoader packClassLoader) {
    RulesClassLoader classLoader = new RulesClassLoader(packClassLoader, KieBaseCompiler.class.getClassLoader());
    try (ContextClassLoader ignored = ContextClassLoader.use(classLoader)) {
      return build(pack, rules, classLoader);
    } catch (RuntimeException | Error e) {
      classLoader.detach();
      throw e;
    }
  }

  private Compiled build(PackDescriptor pack, List<RuleResource> rules, RulesClassLoader classLoader) {
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
      throw PackRejection.of(pack.id(), "its rules do not compile: " + detail);
    }
    KieContainer container = ks.newKieContainer(rid, classLoader);
    try {
      return new Compiled(container.getKieBase(), rid, container, classLoader);
    } catch (RuntimeException e) {
      container.dispose();
      ks.getRepository().removeKieModule(rid);
      throw e;
    }
  }

  /** The folder matching the DRL's package declaration (Drools expects them to agree). */
  private static String folderOf(RuleResource r) {
    Matcher m = PACKAGE.matcher(r.drl());
    return m.find() ? m.group(1).replace('.', '/') : "stepcache/default";
  }

  /** Disposes the container, forgets the module and detaches the class loader view. */
  public void release(Compiled compiled) {
    try {
      compiled.container().dispose();
      KieServices.Factory.get().getRepository().removeKieModule(compiled.releaseId());
    } finally {
      compiled.loader().detach();
    }
  }
}
