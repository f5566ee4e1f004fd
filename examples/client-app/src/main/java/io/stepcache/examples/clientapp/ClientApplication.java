package io.stepcache.examples.clientapp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The example's JAX-RS application, at the root of its context ({@code /client-app}). */
@ApplicationPath("/")
public class ClientApplication extends Application {}
