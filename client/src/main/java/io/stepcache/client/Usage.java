package io.stepcache.client;

/** The model tokens one request cost, over all its model calls (all 0 for a {@link CachePath#REUSE}). */
public record Usage(long promptTokens, long completionTokens, long totalTokens) {}
