package io.stepcache.liberty.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The full keys of a {@link ConfigProperties} bean's fields ({@code prefix.name}), read from the same
 * annotations MicroProfile Config reads, so that an error message names the key a user has to fix.
 */
public final class ConfigKeys {

  private ConfigKeys() {}

  /** The key of {@code field} of {@code bean}, e.g. {@code stepcache.store.ttl}. */
  public static String key(Class<?> bean, String field) {
    try {
      return key(bean, bean.getDeclaredField(field));
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(bean.getName() + " has no field " + field, e);
    }
  }

  /** Every key of {@code bean}, in field order. */
  public static List<String> keys(Class<?> bean) {
    List<String> out = new ArrayList<>();
    for (Field f : bean.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
        out.add(key(bean, f));
      }
    }
    return out;
  }

  private static String key(Class<?> bean, Field f) {
    ConfigProperties group = bean.getAnnotation(ConfigProperties.class);
    if (group == null) {
      throw new IllegalArgumentException(bean.getName() + " is not annotated @ConfigProperties");
    }
    ConfigProperty p = f.getAnnotation(ConfigProperty.class);
    String name = p == null || p.name().isEmpty() ? f.getName() : p.name();
    return group.prefix().isEmpty() ? name : group.prefix() + "." + name;
  }
}
