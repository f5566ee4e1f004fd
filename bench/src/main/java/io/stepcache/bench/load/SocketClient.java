package io.stepcache.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client on one plain socket: writes a POST, reads the status line,
 * the headers and a {@code Content-Length} or chunked body. It spends far less CPU per request than
 * {@code java.net.http.HttpClient}, which matters when client and server share two cores. A request
 * that fails on a reused connection (the server closed it while idle) is sent once more on a new one.
 */
final class SocketClient implements LoadClient {

  private final String host;
  private final int port;
  private final String hostHeader;
  private final int timeoutMillis;
  private final String authorization;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int servedOnConnection;

  SocketClient(URI base, Duration timeout, String bearer) {
    if (!"http".equalsIgnoreCase(base.getScheme())) {
      throw new IllegalArgumentException("the socket load client speaks plain http only, not " + base.getScheme()
          + " (use --load-client jdk)");
    }
    this.host = base.getHost();
    this.port = base.getPort() > 0 ? base.getPort() : 80;
    this.hostHeader = base.getPort() > 0 ? host + ":" + port : host;
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    this.authorization = bearer == null ? "" : "\r\nAuthorization: Bearer " + bearer;
  }

  @Override
  public Reply post(String path, byte[] body) throws IOException {
    byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader
        + authorization + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
        + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    boolean reused = socket != null;
    try {
      return exchange(head, body);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
    }
    return exchange(head, body);
  }

  private Reply exchange(byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.setSoTimeout(timeoutMillis);
      s.connect(new InetSocketAddress(host, port), Math.min(timeoutMillis, 5000));
      socket = s;
      in = new BufferedInputStream(s.getInputStream(), 16384);
      out = s.getOutputStream();
      servedOnConnection = 0;
    }
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    out.write(request);
    out.flush();
    Reply reply = read();
    servedOnConnection++;
    return reply;
  }

  private Reply read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: " + status);
    }
    int code;
    try {
      code = Integer.parseInt(status.substring(9, 12));
    } catch (RuntimeException e) {
      throw new IOException("bad status line: " + status);
    }
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = status.startsWith("HTTP/1.0");
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close")
            || (closeAfter && !value.equalsIgnoreCase("keep-alive"));
        default -> { }
      }
    }
    byte[] body;
    if (chunked) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = line();
        int semi = sizeLine.indexOf(';');
        int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
        if (size == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          break;
        }
        buf.write(exactly(size));
        if (!line().isEmpty()) {
          throw new IOException("chunk not followed by CRLF");
        }
      }
      body = buf.toByteArray();
    } else if (length >= 0) {
      body = exactly((int) length);
    } else if (code == 204 || code == 304) {
      body = new byte[0];
    } else {
      body = in.readAllBytes();
      closeAfter = true;
    }
    if (closeAfter) {
      close();
    }
    return new Reply(code, body);
  }

  private byte[] exactly(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new EOFException("connection closed after " + b.length + " of " + n + " body bytes");
    }
    return b;
  }

  /** One header line without its CRLF (ISO-8859-1). */
  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException(sb.length() == 0 && servedOnConnection > 0
            ? "the server closed the kept-alive connection" : "connection closed in the middle of a response");
      }
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      sb.append((char) c);
      if (sb.length() > 65536) {
        throw new IOException("header line longer than 64 KiB");
      }
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
