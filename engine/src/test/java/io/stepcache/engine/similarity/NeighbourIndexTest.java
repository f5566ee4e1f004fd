package io.stepcache.engine.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.store.EntryKey;
import org.junit.jupiter.api.Test;

class NeighbourIndexTest {

  @Test
  void findsTheMostSimilarKeyInTheSameScopeOnly() {
    NeighbourIndex index = new NeighbourIndex(100);
    index.add("acme|math", "linear:v*a+b=c", "Solve 3x + 5 = 20");
    index.add("acme|math", "quadratic:v^2*a+b=c", "Solve 2x^2 + 1 = 9");
    index.add("globex|math", "linear:c=v*a+b", "Solve 20 = 3x + 5");
    NeighbourIndex.Match m = index.candidates("acme|math", "linear:c=v*a+b", "Solve 7 = 2x + 1", 0.1, 10).get(0);
    assertThat(m.structureKey()).isEqualTo("linear:v*a+b=c");
    assertThat(m.similarity()).isBetween(0.1, 1.0);
    assertThat(index.candidates("initech|math", "linear:v*a+b=c", "Solve 3x + 5 = 20", 0.0, 10)).isEmpty();
  }

  @Test
  void otherKeysBelowTheThresholdAreNoCandidates() {
    NeighbourIndex index = new NeighbourIndex(100);
    index.add("s", "abc", "abc");
    assertThat(index.candidates("s", "xyz", "xyz", 0.5, 10)).isEmpty();
    // the request's own structure key is always a candidate, whatever the threshold
    assertThat(index.candidates("s", "abc", "something else", 1.0, 10))
        .extracting(NeighbourIndex.Match::structureKey).containsExactly("abc");
  }

  @Test
  void scopesAreBoundedOldestFirst() {
    NeighbourIndex index = new NeighbourIndex(2);
    index.add("s", "alpha one", "alpha one");
    index.add("s", "beta two", "beta two");
    index.add("s", "gamma three", "gamma three");
    assertThat(index.candidates("s", "alpha one!", "alpha one!", 0.3, 10))
        .extracting(NeighbourIndex.Match::structureKey).doesNotContain("alpha one");
    assertThat(index.candidates("s", "gamma three!", "gamma three!", 0.3, 10))
        .extracting(NeighbourIndex.Match::structureKey).contains("gamma three");
  }

  @Test
  void wordingWithOtherConstantsCountsAsSimilar() {
    NeighbourIndex index = new NeighbourIndex(10);
    index.add("s", "linear:v*a+b=c", "Solve 3x + 5 = 20.");
    double sim = index.candidates("s", "quadratic:v^#=#", "Solve x^2 + 3x = 10.", 0, 10).get(0).similarity();
    assertThat(sim).isGreaterThan(0.5);
  }

  @Test
  void cosineIsOneForEqualTextAndZeroForDisjointText() {
    assertThat(TextVector.of("abcdef").cosine(TextVector.of("ABCDEF"))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(TextVector.of("aaaa").cosine(TextVector.of("zzzz"))).isZero();
  }

  @Test
  void variantsOfTheOwnStructureComeFirstClosestValuesFirst() {
    NeighbourIndex index = new NeighbourIndex(100);
    EntryKey key = new EntryKey("acme", "json@1#h", "keys:name,age");
    index.add("s", key.variant("aaa").structureKey(), "Ann is 31, from Oslo");
    index.add("s", key.variant("bbb").structureKey(), "Bob is 45, from Rome");
    index.add("s", "keys:name,city", "Bob is 45, from Rome");
    var candidates = index.candidates("s", key.structureKey(), "Bob is 45, from Oslo", 0.1, 10);
    assertThat(candidates).extracting(NeighbourIndex.Match::structureKey)
        .containsExactly(key.variant("bbb").structureKey(), key.variant("aaa").structureKey(), "keys:name,city");
    assertThat(candidates.get(0).similarity()).isEqualTo(1.0);
    assertThat(candidates.get(2).similarity()).isLessThan(1.0);
    assertThat(index.candidates("s", key.structureKey(), "Bob is 45, from Oslo", 0.1, 1)).hasSize(1);
    assertThat(index.variants("s", key.structureKey()))
        .containsExactly(key.variant("aaa").structureKey(), key.variant("bbb").structureKey());
    // a variant stored again becomes the newest
    index.add("s", key.variant("aaa").structureKey(), "Ann is 31, from Oslo");
    assertThat(index.variants("s", key.structureKey()))
        .containsExactly(key.variant("bbb").structureKey(), key.variant("aaa").structureKey());
  }
}
