package io.stepcache.bench.load;

import java.io.IOException;
import java.net.ServerSocket;

/** Access to {@link StandInServer} from other test packages. */
public final class StandInServers {

  private StandInServers() {}

  /** A stand-in whose REUSE answers take {@code reuseDelayMillis}. */
  public static AutoCloseable start(long reuseDelayMillis) throws IOException {
    return new StandInServer(reuseDelayMillis, StandInServer.Fault.NONE);
  }

  public static String url(AutoCloseable server) {
    return ((StandInServer) server).url().toString();
  }

  /** A port nothing listens on (right now). */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
