package io.stepcache.engine.backend;

/**
 * What the model returned.
 *
 * @param text the completion text
 * @param promptTokens prompt tokens the backend counted
 * @param completionTokens output tokens the backend counted
 * @param truncated true when generation stopped at the token limit (such output is never cached
 *     unverified; the pack's rules decide whether it is usable)
 */
public record Generation(String text, long promptTokens, long completionTokens, boolean truncated) {}
