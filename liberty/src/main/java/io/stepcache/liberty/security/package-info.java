/**
 * Who is calling, on the server: {@link io.stepcache.liberty.security.CallerFilter} turns the {@code Authorization:
 * Bearer} key into the request's caller (or refuses it), {@link io.stepcache.liberty.security.PathGuardFilter}
 * refuses paths a proxy rule could be bypassed with, {@link io.stepcache.liberty.security.Identities} holds the key file, the throttle and the tenant
 * policy ({@code io.stepcache.identity}), configured by {@link io.stepcache.liberty.config.SecurityProperties}.
 */
package io.stepcache.liberty.security;
