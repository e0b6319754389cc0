package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Let;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Field copying (spec "Field copying"): where each field of an emitted event takes its value from
 * when {@code emits} does not map it. In order: a {@code let} variable, an input field (a command
 * field, or for a policy a field of the triggering event), the flow's {@code key:} for the key
 * field, then a state field; a creating flow starts from an empty state, so state fields do not
 * count there.
 */
public final class Copying {

  private Copying() {}

  /** Where a value comes from. */
  public enum From {
    MAPPED,
    LET,
    INPUT,
    KEY,
    STATE,
    NOWHERE
  }

  /** One event field and where it gets its value; {@code source} is the field copied, if any. */
  public record Resolved(Field field, From from, Optional<Field> source) {}

  /** The event an {@code emits} entry names, when it is an event of the flow's aggregate. */
  public static Optional<Event> event(FlowSite site, Emit emit) {
    return site.aggregate().event(emit.event());
  }

  /** Resolves every field of the event; empty when the flow's input is unknown. */
  public static List<Resolved> resolve(FlowSite site, Emit emit, Event event) {
    if (site.input().isEmpty()) {
      return List.of();
    }
    List<Resolved> resolved = new ArrayList<>();
    for (Field field : event.fields()) {
      resolved.add(resolve(site, emit, field));
    }
    return resolved;
  }

  private static Resolved resolve(FlowSite site, Emit emit, Field field) {
    String name = field.name();
    if (emit.mappings().stream().anyMatch(m -> m.field().equals(name))) {
      return new Resolved(field, From.MAPPED, Optional.empty());
    }
    if (site.flow().let().stream().map(Let::name).anyMatch(name::equals)) {
      return new Resolved(field, From.LET, Optional.empty());
    }
    Optional<Field> input = site.inputField(name);
    if (input.isPresent()) {
      return new Resolved(field, From.INPUT, input);
    }
    boolean isKey = site.aggregate().key().filter(k -> k.value().equals(name)).isPresent();
    if (isKey && site.flow().key().isPresent()) {
      return new Resolved(field, From.KEY, Optional.empty());
    }
    Optional<Field> state = site.aggregate().field(name);
    if (state.isPresent() && !site.flow().creates()) {
      return new Resolved(field, From.STATE, state);
    }
    return new Resolved(field, From.NOWHERE, Optional.empty());
  }
}
