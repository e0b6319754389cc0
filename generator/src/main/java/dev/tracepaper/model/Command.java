package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A request to change an aggregate, accepted through the API and, when its {@code on} names events,
 * run by each of those events too (its {@code triggers}).
 */
public record Command(
    String name,
    String aggregate,
    Creation creation,
    Optional<Auth> auth,
    List<Field> fields,
    List<Trigger> triggers,
    FlowBody body,
    SourceLocation location)
    implements Flow {

  public Command {
    fields = List.copyOf(fields);
    triggers = List.copyOf(triggers);
  }

  /**
   * The name of the handler and resources of one event of {@code on}: {@code
   * CreateWorkspaceOnUserCreated}, with the event's aggregate too ({@code …OnUserUserCreated}) when
   * two events of {@code on} have the event's name (which then must be written with it).
   */
  public String triggerName(Trigger trigger) {
    long sameName =
        triggers.stream().filter(t -> t.on().event().equals(trigger.on().event())).count();
    return name
        + "On"
        + (sameName > 1 ? trigger.on().aggregate().orElse("") : "")
        + trigger.on().event();
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
