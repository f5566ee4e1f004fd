package io.stepcache.liberty.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * MicroProfile Config without a server (SmallRye Config, the implementation inside Liberty): the
 * application's microprofile-config.properties, the converters its META-INF/services registers, and
 * {@code values} above them, mapped onto the settings beans.
 */
public final class TestConfig {

  /** Every settings bean of the application. */
  public static final List<Class<?>> BEANS = List.of(EngineProperties.class, ServerProperties.class,
      StoreProperties.class, OpenAiProperties.class, SimulatorProperties.class, PacksProperties.class,
      SecurityProperties.class);

  private TestConfig() {}

  /** The configuration with {@code values} over the application's; fails like a start with a bad value. */
  public static SmallRyeConfig config(Map<String, String> values) {
    URL file = TestConfig.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
    SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDiscoveredConverters();
    try {
      builder.withSources(new PropertiesConfigSource(file, 100), new PropertiesConfigSource(values, "test", 400));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Class<?> bean : BEANS) {
      builder.withMapping(bean, prefix(bean));
    }
    return builder.build();
  }

  /** {@code bean} as the application gets it, with {@code values} set. */
  public static <T> T bean(Class<T> bean, Map<String, String> values) {
    return config(values).getConfigMapping(bean, prefix(bean));
  }

  /** {@code bean} with nothing set: its defaults. */
  public static <T> T defaults(Class<T> bean) {
    return bean(bean, Map.of());
  }

  private static String prefix(Class<?> bean) {
    return bean.getAnnotation(ConfigProperties.class).prefix();
  }
}
