package io.stepcache.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One closed-loop client's connection to the server: one request at a time. Not thread-safe; each
 * worker thread opens its own.
 */
public interface LoadClient extends Closeable {

  /** POSTs {@code body} as {@code application/json} to {@code path}; IOException when nothing came back. */
  Reply post(String path, byte[] body) throws IOException;

  @Override
  void close();

  /** Opens {@link LoadClient}s of one kind against one server. */
  interface Factory extends Closeable {
    LoadClient open();

    /** {@code socket} or {@code jdk}. */
    String kind();

    @Override
    void close();
  }

  /**
   * {@code socket}: keep-alive HTTP/1.1 on a plain socket per client (least client CPU); {@code
   * jdk}: one shared {@code java.net.http.HttpClient} (HTTP/1.1, its own connection pool). Every request carries
   * {@code Authorization: Bearer <bearer>} unless {@code bearer} is null.
   */
  static Factory factory(String kind, URI base, Duration timeout, String bearer) {
    return switch (kind) {
      case "socket" -> new Factory() {
        public LoadClient open() {
          return new SocketClient(base, timeout, bearer);
        }

        public String kind() {
          return "socket";
        }

        public void close() {}
      };
      case "jdk" -> new Factory() {
        private final HttpClient shared = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

        public LoadClient open() {
          return new JdkClient(shared, base, timeout, bearer);
        }

        public String kind() {
          return "jdk";
        }

        public void close() {}
      };
      default -> throw new IllegalArgumentException("unknown load client " + kind + "; use socket or jdk");
    };
  }
}
