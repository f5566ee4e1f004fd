package io.stepcache.engine.pack;

/**
 * A pack as listings show it.
 *
 * @param id pack id, or {@code null} when a rejected jar did not get as far as naming one
 * @param version pack version (empty when unknown)
 * @param description one line (empty when unknown)
 * @param state lifecycle state
 * @param rulesHash hash of the compiled rules (empty when the pack failed)
 * @param error why it failed, or {@code null}
 * @param source where it came from: {@code classpath} (built into the server), the jar's file name
 *     in the packs directory, or {@code upload}
 */
public record PackInfo(
    String id, String version, String description, PackState state, String rulesHash, String error, String source) {

  /** A pack without a known source (built in). */
  public PackInfo(String id, String version, String description, PackState state, String rulesHash, String error) {
    this(id, version, description, state, rulesHash, error, LoadedPack.CLASSPATH);
  }
}
