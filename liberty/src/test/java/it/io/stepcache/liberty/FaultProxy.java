package it.io.stepcache.liberty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 between StepCache and the real model server that can misbehave on
 * demand: pass bytes through, refuse connections (server down), accept and never answer (timeout),
 * answer garbage, or answer HTTP 503 a number of times before passing through. Switching the mode
 * closes every open connection, so pooled keep-alive connections see the change at once.
 */
final class FaultProxy implements AutoCloseable {

  enum Mode { PASS, DOWN, STALL, GARBAGE }

  private final int port;
  private final int upstreamPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Mode mode = Mode.PASS;
  private volatile ServerSocket server;

  private FaultProxy(int port, int upstreamPort) {
    this.port = port;
    this.upstreamPort = upstreamPort;
  }

  /** A proxy on a free port forwarding to {@code 127.0.0.1:upstreamPort}. */
  static FaultProxy start(int upstreamPort) {
    try {
      int free;
      try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        free = s.getLocalPort();
      }
      FaultProxy p = new FaultProxy(free, upstreamPort);
      p.listen();
      return p;
    } catch (IOException e) {
      throw new IllegalStateException("fault proxy did not start", e);
    }
  }

  int port() {
    return port;
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** Switches the mode; open connections are closed. */
  synchronized void mode(Mode m) {
    mode = m;
    closeConnections();
    try {
      if (m == Mode.DOWN) {
        if (server != null) {
          server.close();
          server = null;
        }
      } else if (server == null) {
        listen();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next {@code n} requests are answered with HTTP 503, then requests pass through. */
  synchronized void fail503(int n) {
    failuresLeft.set(n);
    closeConnections();
  }

  private void listen() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server = s;
    Thread t = new Thread(() -> accept(s), "fault-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      Socket client;
      try {
        client = s.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      open.add(client);
      Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void handle(Socket client) {
    try {
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        readRequestHead(client.getInputStream());
        respond(client, "503 Service Unavailable", "application/json",
            "{\"error\":{\"message\":\"fault proxy: unavailable\",\"type\":\"server_error\"}}");
        return;
      }
      switch (mode) {
        case STALL -> {
          readRequestHead(client.getInputStream());
          while (client.getInputStream().read() >= 0) {
            // hold the connection open, never answer
          }
        }
        case GARBAGE -> {
          readRequestHead(client.getInputStream());
          respond(client, "200 OK", "text/html", "<html><body><h1>It works!</h1> not a chat completion</body></html>");
        }
        default -> pipe(client);
      }
    } catch (IOException ignored) {
      // connection closed by a mode switch or by a peer
    } finally {
      close(client);
    }
  }

  private void pipe(Socket client) throws IOException {
    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      open.add(upstream);
      upstream.setTcpNoDelay(true);
      client.setTcpNoDelay(true);
      Thread back = new Thread(() -> copy(upstream, client), "fault-proxy-back");
      back.setDaemon(true);
      back.start();
      copy(client, upstream);
      try {
        back.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void copy(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // one side closed
    } finally {
      close(from);
      close(to);
    }
  }

  /** Reads one request: the headers, then a body of Content-Length bytes. */
  private static void readRequestHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    long length = 0;
    for (String line : head.toString().split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(line.substring(colon + 1).trim());
      }
    }
    for (long i = 0; i < length && in.read() >= 0; i++) {
      // discard the body
    }
  }

  private static void respond(Socket client, String status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
        + "\r\nConnection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private void closeConnections() {
    for (Socket s : open) {
      close(s);
    }
  }

  private void close(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public synchronized void close() {
    mode = Mode.DOWN;
    closeConnections();
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // closing
    }
  }
}
