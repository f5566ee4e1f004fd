package io.stepcache.engine.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NeighbourIndexTest {

  @Test
  void findsTheMostSimilarKeyInTheSameScopeOnly() {
    NeighbourIndex index = new NeighbourIndex(100);
    index.add("acme|math", "linear:v*a+b=c");
    index.add("acme|math", "quadratic:v^2*a+b=c");
    index.add("globex|math", "linear:c=v*a+b");
    NeighbourIndex.Match m = index.best("acme|math", "linear:c=v*a+b", 0.1).orElseThrow();
    assertThat(m.structureKey()).isEqualTo("linear:v*a+b=c");
    assertThat(m.similarity()).isBetween(0.1, 0.999);
    assertThat(index.best("initech|math", "linear:v*a+b=c", 0.0)).isEmpty();
  }

  @Test
  void thresholdAndSelfAreExcluded() {
    NeighbourIndex index = new NeighbourIndex(100);
    index.add("s", "abc");
    assertThat(index.best("s", "abc", 0.0)).isEmpty();
    assertThat(index.best("s", "xyz", 0.5)).isEmpty();
  }

  @Test
  void scopesAreBoundedOldestFirst() {
    NeighbourIndex index = new NeighbourIndex(2);
    index.add("s", "alpha one");
    index.add("s", "beta two");
    index.add("s", "gamma three");
    assertThat(index.best("s", "alpha one!", 0.3)).isEmpty();
    assertThat(index.best("s", "gamma three!", 0.3)).isPresent();
  }

  @Test
  void cosineIsOneForEqualTextAndZeroForDisjointText() {
    assertThat(TextVector.of("abcdef").cosine(TextVector.of("ABCDEF"))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(TextVector.of("aaaa").cosine(TextVector.of("zzzz"))).isZero();
  }
}
