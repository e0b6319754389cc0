package dev.tracepaper.render.data;

import java.util.List;

/**
 * A command that starts an instance, from a case of the model, for the integration test of its
 * aggregate's handler on the real event store.
 *
 * @param mutation the GraphQL mutation ({@code registerBook})
 * @param input the input as JSON, from the case's {@code when}
 * @param roles the roles of the caller
 * @param events the types of the events it records, as a JSON array
 */
public record HandlerExample(String mutation, String input, List<String> roles, String events) {

  public HandlerExample {
    roles = List.copyOf(roles);
  }
}
