package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body with a hard size limit, so an oversize body is refused without buffering it. */
final class RequestBody {

  private RequestBody() {}

  /**
   * @param declaredLength the Content-Length header, or -1
   * @throws StepCacheException {@code INPUT_TOO_LARGE} above {@code maxBytes}, {@code
   *     MALFORMED_REQUEST} when the body cannot be read
   */
  static byte[] read(InputStream in, long declaredLength, int maxBytes) {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes, declaredLength + " bytes");
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
          throw tooLarge(maxBytes, "more than " + maxBytes + " bytes");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new StepCacheException(ErrorCode.MALFORMED_REQUEST, "The request body could not be read: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The Content-Length header as a number, or -1 when absent or not a number. */
  static long declaredLength(String header) {
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
