package dev.tracepaper.runtime.automation;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to send.
 *
 * @param html whether {@code body} is HTML (its template is {@code .html} or {@code .htm}), else
 *     plain text
 */
public record Email(String from, List<String> to, String subject, String body, boolean html) {

  public Email {
    Objects.requireNonNull(from, "from");
    to = List.copyOf(to);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}
