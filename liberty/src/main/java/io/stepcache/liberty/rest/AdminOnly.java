package io.stepcache.liberty.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources only an administrator may call (the API contract in openapi.yaml: pack administration).
 * {@link AdminOnlyFilter} answers 401 without a key and 403 for a key without the {@code admin}
 * role, both as problem+json.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {}
