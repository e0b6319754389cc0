package dev.tracepaper.render.data;

import java.util.List;

/**
 * What a command's handler checks of a signed-in caller when its {@code auth} has {@code when}
 * conditions: decided from the input and the caller, before the state is loaded.
 *
 * @param roles the Cognito groups whose users may run it whatever the input
 * @param conditions Java conditions over the command record ({@code this}) and {@code user}, any of
 *     which admits the caller
 */
public record CommandCheckData(List<String> roles, List<String> conditions) {

  public static final CommandCheckData NONE = new CommandCheckData(List.of(), List.of());

  public CommandCheckData {
    roles = List.copyOf(roles);
    conditions = List.copyOf(conditions);
  }

  public boolean present() {
    return !conditions.isEmpty();
  }
}
