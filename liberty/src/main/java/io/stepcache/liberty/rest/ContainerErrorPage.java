package io.stepcache.liberty.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of failures the web container raises before JAX-RS sees the request (web.xml maps every
 * exception here): Liberty's own page would show the exception and a stack trace. The best known one is an
 * encoded slash or backslash in the path (CWWWC0005I), answered 400 {@code INVALID_PATH}; anything else is a 500
 * {@code INTERNAL} with an incident id that the log carries with the exception.
 */
@WebServlet(ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

  /** Where web.xml sends container errors. */
  public static final String PATH = "/stepcache-container-error";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorPage.class.getName());
  /** Liberty's message id for an improperly encoded request URI. */
  private static final String BAD_URI = "CWWWC0005I";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String body;
    int status;
    if (error == null) { // called directly, not as an error page
      status = 404;
      body = Problems.body(status, "NOT_FOUND", "Not Found", "There is no resource at " + PATH, Map.of());
    } else if (badUri(error)) {
      status = 400;
      body = Problems.body(status, "INVALID_PATH", "Invalid path", "The path must not contain an encoded slash,"
          + " backslash or other improperly encoded characters: ids are plain path segments", Map.of());
    } else {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "The web container failed a request, incident " + incident, error);
      status = 500;
      body = Problems.body(status, "INTERNAL", "Internal error",
          "An unexpected error occurred; it was logged as incident " + incident + ". Please report it.", Map.of());
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean badUri(Throwable error) {
    for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(BAD_URI)) {
        return true;
      }
    }
    return false;
  }
}
