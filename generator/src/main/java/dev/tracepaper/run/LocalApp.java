package dev.tracepaper.run;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.EventStore;
import dev.tracepaper.engine.Outcome;
import dev.tracepaper.engine.Reaction;
import dev.tracepaper.engine.StoredEvent;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One model running on the engine with the events of the log: a command runs, then what it stored
 * is projected into every view and delivered to the policies and commands its events trigger, and
 * what those store in turn, before the command answers. Production does the same asynchronously; a
 * local run is synchronous, so a query after a mutation sees everything it caused.
 */
final class LocalApp {

  /** An event the app stored, and when. */
  record Recorded(StoredEvent event, Instant at) {}

  private final ModelIndex index;
  private final Engine engine;
  private final List<Recorded> history = new ArrayList<>();

  private LocalApp(ModelIndex index) {
    this.index = index;
    this.engine = new Engine(index);
  }

  /**
   * The app of {@code index} holding the events of {@code lines}, each read as its version was
   * written (through the model's upcasts) and projected again.
   *
   * @throws ReplayFailed when a stored event does not fit the model
   */
  static LocalApp replay(ModelIndex index, List<EventLog.Line> lines) {
    LocalApp app = new LocalApp(index);
    for (EventLog.Line line : lines) {
      StoredEvent stored;
      try {
        stored = app.restore(line);
      } catch (RuntimeException e) {
        throw new ReplayFailed(line, e);
      }
      app.engine.project(stored);
      app.history.add(new Recorded(stored, line.recordedAt()));
    }
    return app;
  }

  private StoredEvent restore(EventLog.Line line) {
    Aggregate aggregate =
        index
            .aggregate(line.aggregate())
            .orElseThrow(() -> new IllegalArgumentException("the model has no aggregate"));
    if (aggregate.events().stream().noneMatch(e -> e.storedNames().contains(line.event()))) {
      throw new IllegalArgumentException(
          "aggregate " + aggregate.name() + " has no event " + line.event());
    }
    return engine.recordStored(
        line.aggregate(),
        line.key(),
        line.event(),
        line.eventVersion(),
        line.payload(),
        line.caller());
  }

  ModelIndex index() {
    return index;
  }

  Engine engine() {
    return engine;
  }

  List<Recorded> history() {
    return List.copyOf(history);
  }

  /**
   * Runs {@code command} through the API; on success runs the cascade. {@code stored} receives the
   * log lines of every event stored, in order, before this returns; {@code notices} what the
   * cascade refused (a policy's rule), which production would retry and then dead-letter.
   */
  Outcome command(
      Command command,
      JsonNode input,
      Caller caller,
      AuthType authType,
      Instant now,
      Consumer<List<EventLog.Line>> stored,
      Consumer<String> notices) {
    Outcome outcome = engine.command(command, input, caller, authType, now);
    if (outcome instanceof Outcome.Recorded recorded) {
      List<StoredEvent> all = cascade(recorded.events(), now, notices);
      List<EventLog.Line> lines = new ArrayList<>();
      for (StoredEvent event : all) {
        history.add(new Recorded(event, now));
        lines.add(line(event, now));
      }
      stored.accept(lines);
    }
    return outcome;
  }

  /** The version of its instance after {@code recorded}: the instance's version now. */
  long version(Outcome.Recorded recorded) {
    return engine
        .events()
        .find(recorded.aggregate(), recorded.key())
        .map(EventStore.Instance::version)
        .orElse(0L);
  }

  /**
   * {@code first} and every event they cause, in the order the engine delivered them (it projects
   * each into the views as it goes); a flow's refusal goes to {@code notices}.
   */
  private List<StoredEvent> cascade(
      List<StoredEvent> first, Instant now, Consumer<String> notices) {
    List<StoredEvent> all = new ArrayList<>(first);
    for (Reaction reaction : engine.deliver(first, now)) {
      if (reaction.outcome() instanceof Outcome.Recorded recorded) {
        all.addAll(recorded.events());
      } else if (reaction.outcome() instanceof Outcome.Refused refused) {
        StoredEvent cause = reaction.cause();
        notices.accept(
            "%s refused %s of %s %s: %s %s"
                .formatted(
                    reaction.flow(),
                    cause.type(),
                    cause.aggregate(),
                    cause.key(),
                    refused.code(),
                    refused.message()));
      }
    }
    return all;
  }

  private EventLog.Line line(StoredEvent event, Instant now) {
    Event type = index.aggregate(event.aggregate()).flatMap(a -> a.event(event.type())).get();
    return new EventLog.Line(
        event.aggregate(),
        event.key(),
        event.version(),
        event.type(),
        type.currentVersion(),
        event.payload(),
        event.caller(),
        now);
  }

  /** A stored event the model cannot read (its aggregate or event is gone, an upcast fails). */
  static final class ReplayFailed extends RuntimeException {
    ReplayFailed(EventLog.Line line, RuntimeException cause) {
      super(
          "the stored event %s (version %d) of %s %s does not fit the model: %s"
              .formatted(
                  line.event(),
                  line.eventVersion(),
                  line.aggregate(),
                  line.key(),
                  cause.getMessage()),
          cause);
    }
  }
}
