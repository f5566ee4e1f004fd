package io.stepcache.bench.load;

/** The load run cannot go on (server unreachable, REUSE not reached, echo endpoint off): the message says why. */
public final class LoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public LoadException(String message) {
    super(message);
  }

  public LoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
