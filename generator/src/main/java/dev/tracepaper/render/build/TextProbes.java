package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.render.build.TextSamples.Sample;
import dev.tracepaper.render.data.HandlerExample;
import dev.tracepaper.text.Escapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The texts the handler's test sends through a command's free-text fields to read them back
 * unchanged ({@link HandlerExample#copiedTexts}). Each field gets the test's hostile text when its
 * checks accept it, else the nearest text they accept: lengthened to its {@code minLength}, cut to
 * its {@code maxLength}, or a sample of its pattern. A field no text can pass, and a field a rule
 * or {@code let} reads (another text could change what the command does), is left out with the
 * reason, which the test prints as a comment.
 */
final class TextProbes {

  private final PatternResolver patterns;

  TextProbes(PatternResolver patterns) {
    this.patterns = patterns;
  }

  /** The fields tried and the fields left out. */
  record Probes(List<HandlerExample.CopiedText> tried, List<String> leftOut) {}

  /**
   * @param recorded the events the command records for the example's input: a text copied only into
   *     an event whose {@code if} does not hold there is not stored, so it is not tried
   */
  Probes of(Aggregate aggregate, Command command, List<String> recorded) {
    List<HandlerExample.CopiedText> tried = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    if (command.custom()) {
      return new Probes(tried, leftOut);
    }
    for (Field field : command.fields()) {
      if (!isText(field)
          || field.constraints().autoFill().isPresent()
          || !copied(aggregate, command, field, recorded)) {
        continue;
      }
      String name = "`" + field.name() + "`";
      if (readByBehaviour(command, field.name())) {
        leftOut.add(
            name + ": a rule, `let` or `if` reads it, so another text could change the outcome");
        continue;
      }
      if (checkedByAnEvent(aggregate, command, field.name())) {
        leftOut.add(name + ": an event it is copied into checks its own constraints on it");
        continue;
      }
      probe(field)
          .ifPresentOrElse(
              value ->
                  tried.add(new HandlerExample.CopiedText(field.name(), value.code(), value.why())),
              () -> leftOut.add(name + ": " + reason(field)));
    }
    return new Probes(tried, leftOut);
  }

  /** A Java expression of the text, over the test's local {@code text}, and why it differs. */
  private record Value(String code, String why) {}

  private Optional<Value> probe(Field field) {
    Constraints c = field.constraints();
    long min = c.minLength().map(Located::value).orElse(0L);
    long max = c.maxLength().map(Located::value).orElse((long) HandlerExample.MAX_TEXT_LENGTH);
    Optional<String> regex = regex(field);
    long probe = HandlerExample.PROBE_LENGTH;
    if (regex.isEmpty() && min <= max && max > 0) {
      if (min > probe) {
        return Optional.of(
            new Value(
                "text + \"a\".repeat(" + (min - probe) + ")",
                "lengthened to its minLength of " + min));
      }
      if (max < probe) {
        return Optional.of(
            new Value(
                "text.substring(0, text.offsetByCodePoints(0, " + max + "))",
                "cut to its maxLength of " + max));
      }
      return Optional.of(new Value("text", ""));
    }
    if (TextSamples.matching(regex, min, max) instanceof Sample.Text sample) {
      return Optional.of(
          new Value(Escapes.javaString(sample.text()), "a text its pattern accepts"));
    }
    return Optional.empty();
  }

  private String reason(Field field) {
    Constraints c = field.constraints();
    long min = c.minLength().map(Located::value).orElse(0L);
    long max = c.maxLength().map(Located::value).orElse((long) HandlerExample.MAX_TEXT_LENGTH);
    Sample sample = TextSamples.matching(regex(field), min, max);
    return sample instanceof Sample.None none ? none.reason() : "no text passes its checks";
  }

  /** The regex the generated check searches, when the field has one that compiles. */
  private Optional<String> regex(Field field) {
    return field
        .constraints()
        .pattern()
        .flatMap(p -> patterns.field(p.value()).regex())
        .filter(TextProbes::compiles);
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isText(Field field) {
    return field.type().is(BuiltinType.String) && !field.type().list();
  }

  /**
   * Whether an event the command emits copies the field as it is: a same-named String field of the
   * event, not mapped, and not shadowed by a {@code let} of the same name.
   */
  private static boolean copied(
      Aggregate aggregate, Command command, Field field, List<String> recorded) {
    boolean shadowed = command.let().stream().anyMatch(l -> l.name().equals(field.name()));
    return !shadowed
        && command.emits().stream()
            .filter(emit -> recorded.contains(emit.event()))
            .anyMatch(
                emit ->
                    emit.mappings().stream().noneMatch(m -> m.field().equals(field.name()))
                        && aggregate.events().stream()
                            .filter(e -> e.name().equals(emit.event()))
                            .flatMap(e -> e.fields().stream())
                            .anyMatch(f -> f.name().equals(field.name()) && isText(f)));
  }

  /**
   * Whether an event the command emits has a same-named field with constraints of its own: the
   * event checks them when it is recorded (EventRecord.java.ftl), so a text fitted to the command
   * field's checks could still be refused there.
   */
  private static boolean checkedByAnEvent(Aggregate aggregate, Command command, String field) {
    return command.emits().stream()
        .flatMap(emit -> aggregate.events().stream().filter(e -> e.name().equals(emit.event())))
        .flatMap(e -> e.fields().stream())
        .anyMatch(f -> f.name().equals(field) && InputCode.constrained(f));
  }

  /**
   * Whether a rule, a {@code let} or the {@code if} of an event mentions {@code command.<field>}
   * (read as text, to be safe).
   */
  private static boolean readByBehaviour(Command command, String field) {
    Pattern read = Pattern.compile("\\bcommand\\s*\\.\\s*" + Pattern.quote(field) + "\\b");
    return Stream.of(
            command.body().rules().stream().map(r -> r.require().text()),
            command.let().stream().map(l -> l.value().text()),
            command.emits().stream().flatMap(e -> e.condition().stream()).map(c -> c.text()))
        .flatMap(texts -> texts)
        .anyMatch(text -> read.matcher(text).find());
  }
}
