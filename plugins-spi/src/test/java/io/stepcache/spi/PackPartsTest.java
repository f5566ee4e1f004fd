package io.stepcache.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.verify.FactProvider;
import io.stepcache.spi.verify.RuleResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parts built from the context (SPI 1.1), and the 1.0 lifecycle behind the default parts(). */
class PackPartsTest {

  private static final Detector DETECTOR = r -> 0.5;
  private static final Analyser ANALYSER = r -> new Signature("k", Map.of(), Map.of());
  private static final Segmenter SEGMENTER = (o, r) -> List.of(o);
  private static final FactProvider FACTS = (r, s, steps, stitched, answer) -> List.of();
  private static final PromptBuilder PROMPTS = TaskRequest::prompt;
  private static final Stitcher STITCHER = (steps, r, s) -> null;

  private static PackParts.Builder complete() {
    return PackParts.builder().detector(DETECTOR).analyser(ANALYSER).segmenter(SEGMENTER).facts(FACTS)
        .prompts(PROMPTS).stitcher(STITCHER);
  }

  /** A pack built from its context: the repair budget comes from a setting, nothing is mutated. */
  private static final class FromContext implements PartsTaskPack {
    @Override
    public PackDescriptor descriptor() {
      return new PackDescriptor("from-context", "1.0.0", "test", "[1.1,2.0)");
    }

    @Override
    public List<RuleResource> rules() {
      return List.of();
    }

    @Override
    public PackParts parts(PackContext context) {
      int attempts = context.intConfig("attempts", 1);
      RepairStrategy repair = new RepairStrategy() {
        @Override
        public String name() {
          return "repair-" + attempts;
        }

        @Override
        public List<io.stepcache.spi.repair.Draft> repair(io.stepcache.spi.repair.RepairContext c) {
          return c.steps();
        }
      };
      return complete().repairStrategies(List.of(repair)).build();
    }
  }

  @Test
  void aPackBuildsItsPartsFromTheContextOncePerContext() {
    FromContext pack = new FromContext();
    PackParts three = pack.parts(PackContext.of(Map.of("attempts", "3")));
    PackParts one = pack.parts(PackContext.of(Map.of()));
    assertThat(three.repairStrategies()).extracting(RepairStrategy::name).containsExactly("repair-3");
    assertThat(one.repairStrategies()).extracting(RepairStrategy::name).containsExactly("repair-1");
    assertThat(three.detector()).isSameAs(DETECTOR);
    assertThat(three.rebinder()).isSameAs(Rebinder.placeholders());
    assertThat(three.oracle()).isEmpty();
    assertThatThrownBy(() -> three.repairStrategies().add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theOneDotZeroAccessorsOfAPartsPackPointToItsParts() {
    assertThatThrownBy(() -> new FromContext().detector())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("builds its parts from the context: ask parts(PackContext).detector()");
  }

  @Test
  void aMissingRequiredPartIsNamed() {
    assertThatThrownBy(() -> complete().stitcher(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no stitcher");
    assertThat(complete().build().repairStrategies()).isEmpty();
  }

  @Test
  void onCloseRunsWhenThePartsAreClosed() throws Exception {
    AtomicInteger closed = new AtomicInteger();
    PackParts parts = complete().onClose(closed::incrementAndGet).build();
    parts.close();
    assertThat(closed).hasValue(1);
    complete().build().close(); // nothing to release
  }

  /** An SPI 1.0 pack: fields set in start, accessors read them. */
  private static class OneDotZero implements TaskPack {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    volatile String seen;

    @Override
    public PackDescriptor descriptor() {
      return new PackDescriptor("old", "1.0.0", "test", "[1.0,2.0)");
    }

    @Override
    public void start(PackContext context) {
      starts.incrementAndGet();
      seen = context.config().get("x");
    }

    @Override
    public Detector detector() {
      return DETECTOR;
    }

    @Override
    public Analyser analyser() {
      return ANALYSER;
    }

    @Override
    public Segmenter segmenter() {
      return SEGMENTER;
    }

    @Override
    public List<RuleResource> rules() {
      return List.of();
    }

    @Override
    public FactProvider facts() {
      return FACTS;
    }

    @Override
    public List<RepairStrategy> repairStrategies() {
      return List.of();
    }

    @Override
    public PromptBuilder prompts() {
      return PROMPTS;
    }

    @Override
    public Stitcher stitcher() {
      return STITCHER;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void theDefaultPartsStartAOneDotZeroPackThenAskItsAccessors() {
    OneDotZero pack = new OneDotZero();
    PackParts parts = pack.parts(PackContext.of(Map.of("x", "y")));
    assertThat(pack.starts).hasValue(1);
    assertThat(pack.seen).isEqualTo("y");
    assertThat(parts.analyser()).isSameAs(ANALYSER);
    assertThat(parts.stitcher()).isSameAs(STITCHER);
    assertThat(parts.oracle()).isEmpty();
    assertThat(pack.closes).hasValue(0);
  }

  @Test
  void aOneDotZeroPackWithANullPartIsClosedAndNamed() {
    OneDotZero pack = new OneDotZero() {
      @Override
      public Optional<io.stepcache.spi.sim.ModelOracle> oracle() {
        return null;
      }
    };
    assertThatThrownBy(() -> pack.parts(PackContext.of(Map.of())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null for oracle()");
    assertThat(pack.closes).hasValue(1);
  }
}
