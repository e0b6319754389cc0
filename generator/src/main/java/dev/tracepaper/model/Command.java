package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A request to change an aggregate, accepted through the API and, when its {@code on} names events,
 * run by each of those events too (its {@code triggers}).
 *
 * @param api the name the API calls it by ({@code Project.Pipeline.register}: a field {@code
 *     register} of namespace {@code Project.Pipeline}); without it, the mutation's name is derived
 *     ({@code registerPipeline})
 * @param notification its {@code notify:} setting, where written: {@code true} gives the API a
 *     subscription to its results
 */
public record Command(
    String name,
    String aggregate,
    Creation creation,
    Optional<Auth> auth,
    List<Field> fields,
    List<Trigger> triggers,
    FlowBody body,
    Optional<Located<Boolean>> notification,
    Optional<Located<String>> api,
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

  /** Whether the API offers a subscription to the command's results ({@code notify: true}). */
  public boolean notifies() {
    return notification.map(Located::value).orElse(false);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
