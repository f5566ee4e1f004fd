package com.example.stepcache.pack;

/**
 * A fact for the rules: one step and what it should say. Rules read facts through getters, so a
 * record needs {@code getX()}/{@code isX()} methods for the fields the DRL uses.
 */
public record SumStep(int index, String text, String expected) {

  public int getIndex() {
    return index;
  }

  public String getExpected() {
    return expected;
  }

  public boolean isCorrect() {
    return text.strip().equals(expected);
  }
}
