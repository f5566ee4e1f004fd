package io.stepcache.engine.pack;

/**
 * A pack as listings show it.
 *
 * @param id pack id
 * @param version pack version
 * @param description one line
 * @param state lifecycle state
 * @param rulesHash hash of the compiled rules (empty when the pack failed)
 * @param error why it failed, or {@code null}
 */
public record PackInfo(String id, String version, String description, PackState state, String rulesHash, String error) {}
