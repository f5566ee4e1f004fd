package io.stepcache.testkit.jarpacklib;

/** A "library" the jar pack bundles as lib/doubler.jar (tests the nested-library support). */
public final class Doubler {

  private Doubler() {}

  public static long twice(long n) {
    return n + n;
  }
}
