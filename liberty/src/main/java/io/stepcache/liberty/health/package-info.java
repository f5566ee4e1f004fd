/**
 * MicroProfile Health checks, served by Liberty at {@code /health}, {@code /health/ready} and
 * {@code /health/live}.
 */
package io.stepcache.liberty.health;
