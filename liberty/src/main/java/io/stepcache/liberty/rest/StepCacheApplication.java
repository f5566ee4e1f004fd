package io.stepcache.liberty.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application; with the context root {@code /} its resources live under {@code /api}. */
@ApplicationPath("/api")
public class StepCacheApplication extends Application {}
