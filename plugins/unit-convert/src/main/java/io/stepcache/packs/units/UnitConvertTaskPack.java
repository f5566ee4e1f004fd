package io.stepcache.packs.units;

import io.stepcache.packs.units.catalogue.UnitCatalogue;
import io.stepcache.packs.units.prompt.UnitOracle;
import io.stepcache.packs.units.prompt.UnitPrompts;
import io.stepcache.packs.units.repair.ModelCorrection;
import io.stepcache.packs.units.repair.Recompute;
import io.stepcache.packs.units.steps.UnitRebinder;
import io.stepcache.packs.units.steps.UnitSegmenter;
import io.stepcache.packs.units.steps.UnitStitcher;
import io.stepcache.packs.units.verify.UnitFactProvider;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PackSetting;
import io.stepcache.spi.PartsTaskPack;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code unit-convert} pack: "Convert 5 km to miles" in three verifiable steps. The example to
 * copy for a pack of your own (see {@code docs/writing-a-task-pack.md}).
 *
 * <p>Its parts are built from the context ({@link #parts}): it reads its unit catalogue ({@code
 * stepcache/unit-convert/units.properties}) plus units from its settings ({@code
 * stepcache.pack.unit-convert.unit.<symbol>=<dimension> <size> [<alias>...]}) and creates every
 * part from that catalogue; a catalogue that does not parse fails the start, and the server
 * rejects the pack. The pack itself keeps no state.
 */
public final class UnitConvertTaskPack implements PartsTaskPack {

  /** Pack id, also the {@code task} name clients use. */
  public static final String ID = "unit-convert";

  private static final String CATALOGUE = "/stepcache/unit-convert/units.properties";

  private final PackDescriptor descriptor = new PackDescriptor(
      ID,
      packVersion(),
      "Unit conversion (length, mass, volume, time, data): factor, product and answer, checked exactly;"
          + " one model correction, then an exact recomputation.",
      "[1.1,2.0)");

  /** The version Maven wrote into {@code pack.properties}. */
  private static String packVersion() {
    try (InputStream in = UnitConvertTaskPack.class.getResourceAsStream("/stepcache/unit-convert/pack.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "0.0.0");
      return v.startsWith("${") ? "0.0.0" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public PackDescriptor descriptor() {
    return descriptor;
  }

  /** One family of settings: extra units, {@code unit.<symbol>=<dimension> <size> [<alias>...]}. */
  @Override
  public Optional<List<PackSetting>> settings() {
    return Optional.of(List.of(new PackSetting("unit.", PackSetting.Type.STRING, null,
        "an extra unit: unit.<symbol>=<dimension> <size in the dimension's base unit> [<alias>...]")));
  }

  /**
   * The parts, built from the catalogue in the jar plus the {@code unit.} settings; a catalogue or
   * a setting that does not parse throws, and the server rejects the pack.
   */
  @Override
  public PackParts parts(PackContext context) {
    UnitCatalogue units = catalogue(context);
    ConversionReader reader = new ConversionReader(units);
    UnitPrompts prompts = new UnitPrompts();
    UnitSegmenter segmenter = new UnitSegmenter();
    return PackParts.builder()
        .detector(request -> reader.understands(request.prompt()) ? 0.9 : 0.0)
        .analyser(request -> reader.read(request.prompt()).signature())
        .segmenter(segmenter)
        .rebinder(new UnitRebinder(units))
        .facts(new UnitFactProvider(units))
        .repairStrategies(List.of(new ModelCorrection(prompts, segmenter), new Recompute(units)))
        .prompts(prompts)
        .stitcher(new UnitStitcher())
        .oracle(new UnitOracle(reader))
        .build();
  }

  /** {@code units.properties} from the jar, plus the units of the {@code unit.<symbol>} settings. */
  private static UnitCatalogue catalogue(PackContext context) {
    UnitCatalogue catalogue;
    try (InputStream in = UnitConvertTaskPack.class.getResourceAsStream(CATALOGUE)) {
      if (in == null) {
        throw new IllegalStateException("The unit catalogue " + CATALOGUE + " is missing from the pack jar");
      }
      catalogue = UnitCatalogue.read(in, CATALOGUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> extra = new TreeMap<>();
    context.config().forEach((k, v) -> {
      if (k.startsWith("unit.")) {
        extra.put(k.substring("unit.".length()), v);
      }
    });
    return catalogue.with(extra, "setting stepcache.pack." + ID + ".unit.");
  }

  @Override
  public List<RuleResource> rules() {
    return List.of(
        RuleResource.classpath(UnitConvertTaskPack.class, "/stepcache/unit-convert/steps.drl"),
        RuleResource.classpath(UnitConvertTaskPack.class, "/stepcache/unit-convert/output.drl"),
        RuleResource.classpath(UnitConvertTaskPack.class, "/stepcache/unit-convert/guard.drl"));
  }

  /** Checked: factor, product and answer are re-computed exactly from the catalogue, so a passing step is right. */
  @Override
  public VerificationStrength verificationStrength() {
    return VerificationStrength.CHECKED;
  }
}
