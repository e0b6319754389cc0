package dev.tracepaper.naming;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English plurals, for the list and index queries of a view ({@code listBookAvailabilities}):
 * regular endings, a few irregular and uncountable words, and names already plural kept as they
 * are.
 */
public final class Plurals {

  private static final Map<String, String> IRREGULAR_PLURALS =
      Map.ofEntries(
          Map.entry("analysis", "analyses"),
          Map.entry("child", "children"),
          Map.entry("criterion", "criteria"),
          Map.entry("foot", "feet"),
          Map.entry("half", "halves"),
          Map.entry("knife", "knives"),
          Map.entry("leaf", "leaves"),
          Map.entry("life", "lives"),
          Map.entry("man", "men"),
          Map.entry("mouse", "mice"),
          Map.entry("person", "people"),
          Map.entry("shelf", "shelves"),
          Map.entry("tooth", "teeth"),
          Map.entry("wife", "wives"),
          Map.entry("woman", "women"));

  private static final Set<String> UNCOUNTABLE =
      Set.of(
          "data",
          "equipment",
          "feedback",
          "info",
          "information",
          "metadata",
          "money",
          "news",
          "series",
          "software",
          "species",
          "staff");

  private Plurals() {}

  /**
   * The plural of a name, by its last word: {@code BookAvailability} gives {@code
   * BookAvailabilities}; a name already plural ({@code MemberLoans}) stays as it is.
   */
  public static String of(String pascalName) {
    List<String> words = Words.split(pascalName);
    if (words.isEmpty()) {
      return pascalName;
    }
    String last = words.get(words.size() - 1);
    String head = String.join("", words.subList(0, words.size() - 1));
    return head + English.withCaseOf(last, plural(English.lower(last)));
  }

  static String plural(String word) {
    if (UNCOUNTABLE.contains(word)) {
      return word;
    }
    if (IRREGULAR_PLURALS.containsKey(word)) {
      return IRREGULAR_PLURALS.get(word);
    }
    if (word.endsWith("is") && word.length() > 3) {
      return word.substring(0, word.length() - 2) + "es";
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word;
    }
    if (word.endsWith("s")
        || word.endsWith("x")
        || word.endsWith("z")
        || word.endsWith("ch")
        || word.endsWith("sh")) {
      return word + "es";
    }
    if (word.endsWith("y")
        && word.length() > 1
        && !English.isVowel(word.charAt(word.length() - 2))) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }
}
