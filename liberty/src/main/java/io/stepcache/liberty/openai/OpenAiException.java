package io.stepcache.liberty.openai;

/**
 * A request the front door refuses before the engine sees it: status, stable code, the offending
 * parameter (OpenAI's {@code param}) and a message that says what to change.
 */
public class OpenAiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A parameter StepCache does not support (400). */
  public static final String UNSUPPORTED_PARAMETER = "UNSUPPORTED_PARAMETER";
  /** A parameter of the wrong type or value (400). */
  public static final String INVALID_REQUEST = "INVALID_REQUEST";
  /** The body is not one JSON object (400). */
  public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

  private final int status;
  private final String code;
  private final String param;

  public OpenAiException(int status, String code, String param, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.param = param;
  }

  static OpenAiException unsupported(String param, String message) {
    return new OpenAiException(400, UNSUPPORTED_PARAMETER, param, message);
  }

  static OpenAiException invalid(String param, String message) {
    return new OpenAiException(400, INVALID_REQUEST, param, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The parameter at fault, or {@code null}. */
  public String param() {
    return param;
  }
}
