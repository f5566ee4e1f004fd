package it.io.stepcache.liberty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR, optionally with settings of its own for one test class. */
final class Deployments {

  private static final ArchivePath CONFIG =
      ArchivePaths.create("/WEB-INF/classes/META-INF/microprofile-config.properties");

  private Deployments() {}

  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/stepcache.war"));
  }

  /**
   * The WAR with {@code settings} appended to its microprofile-config.properties, which then gets
   * config_ordinal 400 so that they beat the environment of the IT server (STEPCACHE_CLOCK=virtual).
   */
  static WebArchive withSettings(Map<String, String> settings) {
    WebArchive war = war();
    Node node = war.get(CONFIG);
    String text;
    try (InputStream in = node.getAsset().openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sb = new StringBuilder(text).append("\n# --- test overrides ---\nconfig_ordinal=400\n");
    new TreeMap<>(settings).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    war.delete(CONFIG);
    war.add(new StringAsset(sb.toString()), CONFIG);
    return war;
  }
}
