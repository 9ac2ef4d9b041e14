package dev.returnkit.service.problem;

import dev.returnkit.spi.json.JsonWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The service's RFC 9457 problem types: {@code https://returnkit.dev/problems/<kind>}, one per
 * way a call can fail (docs/service.md lists them), and the writer for problems that happen
 * before a controller runs (sign-in).
 */
public final class Problems {

  /** The media type of a problem. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String TYPE_BASE = "https://returnkit.dev/problems/";

  private Problems() {}

  /**
   * A problem of a kind.
   *
   * @param status the HTTP status
   * @param kind e.g. {@code validation}
   * @param title the kind in words, the same for every problem of the kind
   * @param detail this occurrence in words
   * @return the problem
   */
  public static ProblemDetail of(HttpStatus status, String kind, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(kind));
    problem.setTitle(title);
    return problem;
  }

  /**
   * The type URI of a kind.
   *
   * @param kind e.g. {@code validation}
   * @return {@code https://returnkit.dev/problems/validation}
   */
  public static URI type(String kind) {
    return URI.create(TYPE_BASE + kind);
  }

  /**
   * Writes a problem as the whole response, for the security filters (no controller, no
   * message converters there).
   *
   * @param response the response
   * @param status the status
   * @param kind the kind
   * @param title the kind in words
   * @param detail this occurrence in words
   * @param wwwAuthenticate the challenge for a 401, or {@code null}
   * @throws IOException if the response cannot be written
   */
  public static void write(HttpServletResponse response, HttpStatus status, String kind,
      String title, String detail, String wwwAuthenticate) throws IOException {
    String body = new JsonWriter(256).beginObject()
        .name("type").string(type(kind).toString())
        .name("title").string(title)
        .name("status").number(status.value())
        .name("detail").string(detail)
        .endObject().toString();
    response.setStatus(status.value());
    if (wwwAuthenticate != null) {
      response.setHeader("WWW-Authenticate", wwwAuthenticate);
    }
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }
}
