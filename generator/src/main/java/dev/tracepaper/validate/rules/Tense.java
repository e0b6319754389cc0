package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Model;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.English;
import dev.tracepaper.naming.Words;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads command and event names as English: the heuristics of CommandNotImperative and
 * EventNotPastTense (docs/validation-rules.md). A name that starts with a noun of the model (an
 * aggregate, entity, type or view: {@code BookRegistration}) reads as a noun phrase, not as an
 * instruction.
 */
final class Tense {

  /** The model's nouns as lower-case words, by their first word (a model has thousands). */
  private final Map<String, Set<List<String>>> modelNouns = new HashMap<>();

  Tense(Model model) {
    Stream.of(
            model.aggregates().stream().map(a -> a.name()),
            model.aggregates().stream().flatMap(a -> a.entities().stream()).map(e -> e.name()),
            model.types().stream().map(t -> t.name()),
            model.views().stream().map(v -> v.name()))
        .flatMap(s -> s)
        .map(Tense::lowerWords)
        .filter(w -> !w.isEmpty())
        .forEach(w -> modelNouns.computeIfAbsent(w.get(0), k -> new HashSet<>()).add(w));
  }

  /** Why a command does not read as an instruction, or empty when it does. */
  Optional<String> commandProblem(String command) {
    List<String> words = Words.split(command);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String first = words.get(0);
    String last = words.get(words.size() - 1);
    if (English.isOnlyPast(first)) {
      return Optional.of("`%s` is in the past tense".formatted(first));
    }
    if (English.isNounFromVerb(first)) {
      return Optional.of("`%s` names a thing, not an action".formatted(first));
    }
    if (words.size() > 1 && startsWithModelNoun(words) && readsAsResult(last)) {
      return Optional.of(
          "it starts with `%s`, a thing of the model, where the verb should stand"
              .formatted(first));
    }
    return Optional.empty();
  }

  /** Whether some word of the event reads in the past tense. */
  boolean readsAsPast(String event) {
    return Words.split(event).stream().anyMatch(English::isPast);
  }

  /**
   * A past-tense name for an event written as an instruction: {@code RegisterBook} gives {@code
   * BookRegistered}. Empty when the name does not start with a verb we can recognise.
   */
  Optional<String> pastTenseOf(String event) {
    List<String> words = Words.split(Case.pascal(event));
    if (words.isEmpty() || startsWithModelNoun(words)) {
      return Optional.empty();
    }
    String first = words.get(0);
    String last = words.get(words.size() - 1);
    if (English.isNounFromVerb(first) || English.isNounFromVerb(last)) {
      return Optional.empty();
    }
    return Optional.of(String.join("", words.subList(1, words.size())) + English.pastOf(first));
  }

  private boolean startsWithModelNoun(List<String> words) {
    List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    return modelNouns.getOrDefault(lower.get(0), Set.of()).stream()
        .anyMatch(
            noun -> noun.size() <= lower.size() && lower.subList(0, noun.size()).equals(noun));
  }

  private static boolean readsAsResult(String word) {
    return English.isNounFromVerb(word) || English.isOnlyPast(word);
  }

  private static List<String> lowerWords(String name) {
    return Words.split(name).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }
}
