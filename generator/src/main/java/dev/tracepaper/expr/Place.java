package dev.tracepaper.expr;

/** Where in a model an expression stands; decides its names in scope and the type it must give. */
public enum Place {
  /** A {@code let} variable of a command or policy. */
  LET,
  /** {@code rules[].require} of a command or policy: a condition. */
  REQUIRE,
  /** The {@code key} of a command or policy: which aggregate instance the flow acts on. */
  FLOW_KEY,
  /** A field given in {@code emits}: {@code - BookLent: {due: due}}. */
  EMIT_FIELD,
  /**
   * A field of a command's input given by one of the events of its {@code on}: {@code on:
   * {User.UserCreated: {owner: event.userId}}}.
   */
  TRIGGER_FIELD,
  /** The {@code if} of an entry of {@code emits}: a condition; the event is recorded when true. */
  EMIT_CONDITION,
  /** A state field in an event's {@code apply}. */
  APPLY_FIELD,
  /** The key of an {@code upsert} on an entity collection in {@code apply}. */
  UPSERT_KEY,
  /** An entity field in the {@code with} of an {@code upsert}. */
  UPSERT_FIELD,
  /** The key of a {@code remove} on an entity collection in {@code apply}. */
  REMOVE_KEY,
  /** A field in the {@code set} of a {@code from} view. */
  VIEW_FIELD,
  /** The {@code where} filter of a {@code from} view: a condition. */
  VIEW_WHERE,
  /** The {@code key} of an {@code on} view handler: which row the event changes. */
  HANDLER_KEY,
  /** The {@code keys} of an {@code on} view handler: the list of keys of the rows it changes. */
  HANDLER_KEYS,
  /** A field in the {@code set} of an {@code on} view handler. */
  HANDLER_FIELD,
  /** The {@code delete} condition of an {@code on} view handler: the row is removed when true. */
  HANDLER_DELETE,
  /** A field of the next version in the {@code upcast} of an older version of an event. */
  UPCAST_FIELD,
  /**
   * A {@code when} condition in the {@code auth} of a view or query: who may read a row. It is
   * translated to JavaScript for the read side's resolvers, not to Java.
   */
  AUTH_CONDITION,
  /**
   * A {@code when} condition in the {@code auth} of a command: who may run it with this input,
   * decided before the state is loaded.
   */
  COMMAND_AUTH,
  /** A {@code let} variable of an automation. */
  AUTOMATION_LET,
  /** A value an automation's template is filled with ({@code with}). */
  TEMPLATE_VALUE,
  /** The {@code if} of an automation's activity, or a {@code stopIf}: a condition. */
  AUTOMATION_CONDITION,
  /** The {@code in} of an automation's {@code forEach}: a list. */
  AUTOMATION_ITEMS,
  /** A value an automation's activity takes: a text (an address, a URL) or a command's field. */
  AUTOMATION_INPUT
}
