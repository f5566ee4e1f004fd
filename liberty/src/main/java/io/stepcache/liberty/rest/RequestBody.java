package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body with a hard size limit, so an oversize body is refused without buffering it.
 * The native API and the OpenAI-compatible door both read through here; each says how it reports
 * an oversize or unreadable body.
 */
public final class RequestBody {

  /** How one API reports a body it refuses. */
  public interface Refusals {
    /** The body is larger than {@code maxBytes}; {@code actual} says by how much, as far as known. */
    RuntimeException tooLarge(int maxBytes, String actual);

    /** The body could not be read. */
    RuntimeException unreadable(IOException cause);
  }

  /** The native API's refusals: {@code INPUT_TOO_LARGE} and {@code MALFORMED_REQUEST} problems. */
  static final Refusals NATIVE = new Refusals() {
    @Override
    public RuntimeException tooLarge(int maxBytes, String actual) {
      return RequestBody.tooLarge(maxBytes, actual);
    }

    @Override
    public RuntimeException unreadable(IOException cause) {
      return new StepCacheException(
          ErrorCode.MALFORMED_REQUEST, "The request body could not be read: " + cause.getMessage(), cause);
    }
  };

  private RequestBody() {}

  /**
   * @param declaredLength the Content-Length header, or -1
   * @throws StepCacheException {@code INPUT_TOO_LARGE} above {@code maxBytes}, {@code
   *     MALFORMED_REQUEST} when the body cannot be read
   */
  static byte[] read(InputStream in, long declaredLength, int maxBytes) {
    return read(in, declaredLength, maxBytes, NATIVE);
  }

  /**
   * The body, at most {@code maxBytes}; refused with {@code refusals} above it (without reading
   * more than one buffer past the limit) or when it cannot be read.
   *
   * @param declaredLength the Content-Length header, or -1
   */
  public static byte[] read(InputStream in, long declaredLength, int maxBytes, Refusals refusals) {
    if (declaredLength > maxBytes) {
      throw refusals.tooLarge(maxBytes, declaredLength + " bytes");
    }
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
    byte[] buf = new byte[8192];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw refusals.tooLarge(maxBytes, "more than " + maxBytes + " bytes");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw refusals.unreadable(e);
    }
    return out.toByteArray();
  }

  /** The Content-Length header as a number, or -1 when absent or not a number. */
  public static long declaredLength(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static StepCacheException tooLarge(int maxBytes, String actual) {
    return new StepCacheException(
        ErrorCode.INPUT_TOO_LARGE,
        "The request body is " + actual + "; the limit is " + maxBytes + " bytes (setting stepcache.maxRequestBytes)");
  }
}
