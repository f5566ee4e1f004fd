package io.stepcache.backend.openai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails reading past {@code max} bytes, so an endless answer cannot exhaust memory. */
final class LimitedInputStream extends FilterInputStream {
  private final long max;
  private long count;

  LimitedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws IOException {
    count += n;
    if (count > max) {
      throw new IOException("the answer is larger than " + max + " bytes");
    }
  }
}
