/**
 * The application's settings as MicroProfile Config {@code @ConfigProperties} beans, one per concern
 * (engine, server, store, OpenAI backend, simulator, packs), with the {@link
 * io.stepcache.liberty.config.DurationConverter} every duration goes through and the {@link
 * io.stepcache.liberty.config.Checks} that make a bad value fail the start with a message naming its key.
 */
package io.stepcache.liberty.config;
