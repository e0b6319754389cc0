package dev.tracepaper.runtime.automation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request to make.
 *
 * @param method upper case
 * @param url with the query parameters, encoded
 * @param headers in the model's order
 */
public record HttpCall(String method, String url, List<Param> headers, Optional<String> body) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** The URL without its query (which may hold a secret): what logs and errors may show. */
  public String urlWithoutQuery() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
