package dev.returnkit.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running service over real HTTP, signed in as one of its users. */
public final class ServiceClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.shared();

  private final String base;
  private final String authorization;

  private ServiceClient(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /**
   * A client signed in with a demo user's password.
   *
   * @param port the service's port
   * @param user the user
   * @return the client
   */
  public static ServiceClient as(int port, String user) {
    return new ServiceClient("http://localhost:" + port, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A client that does not sign in.
   *
   * @param port the service's port
   * @return the client
   */
  public static ServiceClient anonymous(int port) {
    return new ServiceClient("http://localhost:" + port, null);
  }

  /** An answer: its status, content type, two headers and body as JSON (or text). */
  public record Answer(int status, String contentType, String location,
      String wwwAuthenticate, String body) {

    /** @return the body as JSON */
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  /**
   * GET.
   *
   * @param path e.g. {@code /api/returns/R-1}
   * @return the answer
   */
  public Answer get(String path) {
    return send(request(path).GET());
  }

  /**
   * POST with a body that is not JSON, labelled as JSON.
   *
   * @param path the path
   * @param text the body
   * @return the answer
   */
  public Answer postText(String path, String text) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  /**
   * POST with a JSON body.
   *
   * @param path the path
   * @param json the body, or {@code null} for none
   * @return the answer
   */
  public Answer post(String path, String json) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
    return send(request.POST(json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json, application/problem+json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null),
          response.headers().firstValue("WWW-Authenticate").orElse(null), response.body());
    } catch (IOException e) {
      throw new AssertionError("the service did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
