/**
 * The JAX-RS API under {@code /api}: {@code POST /api/v1/completions} and pack administration under
 * {@code /api/v1/packs} (administrators only, {@link io.stepcache.liberty.rest.AdminOnly}); the contract is
 * {@code META-INF/openapi.yaml}. Bodies are read and written with JSON-P so that every
 * bad input ends in a clean {@code application/problem+json} answer (RFC 9457) whose {@code type}
 * is {@code https://stepcache.io/problems/<code-in-kebab-case>} and whose {@code code} is the
 * stable error code.
 */
package io.stepcache.liberty.rest;
