/**
 * Who is calling and what they may do: {@link io.stepcache.identity.ApiKeys} (keys as OpenAI clients send
 * them, each bound to one tenant and one {@link io.stepcache.identity.Role}, stored as hashes), the {@link
 * io.stepcache.identity.TenantPolicy} that derives a request's tenant from its credential, the {@link
 * io.stepcache.identity.AuthThrottle} that slows and then locks out guessing, and the first-start {@link
 * io.stepcache.identity.AdminKeyBootstrap}. Plain Java: refusals are {@link io.stepcache.identity.AccessRefusal}s with
 * a {@link io.stepcache.identity.AccessRefusal.Reason}; the server maps them to HTTP statuses.
 */
package io.stepcache.identity;
