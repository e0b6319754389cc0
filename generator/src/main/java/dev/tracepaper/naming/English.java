package dev.tracepaper.naming;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Just enough English to read command and event names: whether a word reads in the past tense, as a
 * noun made from a verb, or as a verb, and the past participle of a verb. It knows the regular
 * endings and a list of irregular verbs; docs/validation-rules.md describes the heuristics.
 */
public final class English {

  /** Base form to past participle, for the verbs that do not simply take {@code -ed}. */
  private static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("arise", "arisen"),
          Map.entry("be", "been"),
          Map.entry("become", "become"),
          Map.entry("begin", "begun"),
          Map.entry("bend", "bent"),
          Map.entry("bet", "bet"),
          Map.entry("bid", "bid"),
          Map.entry("bind", "bound"),
          Map.entry("bite", "bitten"),
          Map.entry("blow", "blown"),
          Map.entry("break", "broken"),
          Map.entry("bring", "brought"),
          Map.entry("build", "built"),
          Map.entry("burn", "burnt"),
          Map.entry("buy", "bought"),
          Map.entry("cast", "cast"),
          Map.entry("catch", "caught"),
          Map.entry("choose", "chosen"),
          Map.entry("come", "come"),
          Map.entry("cost", "cost"),
          Map.entry("cut", "cut"),
          Map.entry("deal", "dealt"),
          Map.entry("dig", "dug"),
          Map.entry("do", "done"),
          Map.entry("draw", "drawn"),
          Map.entry("drive", "driven"),
          Map.entry("eat", "eaten"),
          Map.entry("fall", "fallen"),
          Map.entry("feed", "fed"),
          Map.entry("feel", "felt"),
          Map.entry("fight", "fought"),
          Map.entry("find", "found"),
          Map.entry("flee", "fled"),
          Map.entry("fly", "flown"),
          Map.entry("forbid", "forbidden"),
          Map.entry("forget", "forgotten"),
          Map.entry("forgive", "forgiven"),
          Map.entry("forsake", "forsaken"),
          Map.entry("freeze", "frozen"),
          Map.entry("get", "got"),
          Map.entry("give", "given"),
          Map.entry("go", "gone"),
          Map.entry("grow", "grown"),
          Map.entry("hang", "hung"),
          Map.entry("have", "had"),
          Map.entry("hear", "heard"),
          Map.entry("hide", "hidden"),
          Map.entry("hit", "hit"),
          Map.entry("hold", "held"),
          Map.entry("hurt", "hurt"),
          Map.entry("keep", "kept"),
          Map.entry("know", "known"),
          Map.entry("lay", "laid"),
          Map.entry("lead", "led"),
          Map.entry("learn", "learnt"),
          Map.entry("leave", "left"),
          Map.entry("lend", "lent"),
          Map.entry("let", "let"),
          Map.entry("light", "lit"),
          Map.entry("lose", "lost"),
          Map.entry("make", "made"),
          Map.entry("mean", "meant"),
          Map.entry("meet", "met"),
          Map.entry("mow", "mown"),
          Map.entry("pay", "paid"),
          Map.entry("put", "put"),
          Map.entry("quit", "quit"),
          Map.entry("read", "read"),
          Map.entry("ride", "ridden"),
          Map.entry("ring", "rung"),
          Map.entry("rise", "risen"),
          Map.entry("run", "run"),
          Map.entry("say", "said"),
          Map.entry("see", "seen"),
          Map.entry("seek", "sought"),
          Map.entry("sell", "sold"),
          Map.entry("send", "sent"),
          Map.entry("set", "set"),
          Map.entry("sew", "sewn"),
          Map.entry("shake", "shaken"),
          Map.entry("shear", "shorn"),
          Map.entry("shoot", "shot"),
          Map.entry("show", "shown"),
          Map.entry("shut", "shut"),
          Map.entry("sing", "sung"),
          Map.entry("sink", "sunk"),
          Map.entry("sit", "sat"),
          Map.entry("sleep", "slept"),
          Map.entry("slide", "slid"),
          Map.entry("sow", "sown"),
          Map.entry("speak", "spoken"),
          Map.entry("spend", "spent"),
          Map.entry("spin", "spun"),
          Map.entry("split", "split"),
          Map.entry("spread", "spread"),
          Map.entry("stand", "stood"),
          Map.entry("steal", "stolen"),
          Map.entry("stick", "stuck"),
          Map.entry("stride", "stridden"),
          Map.entry("strike", "struck"),
          Map.entry("strive", "striven"),
          Map.entry("swear", "sworn"),
          Map.entry("sweep", "swept"),
          Map.entry("swell", "swollen"),
          Map.entry("swim", "swum"),
          Map.entry("take", "taken"),
          Map.entry("teach", "taught"),
          Map.entry("tear", "torn"),
          Map.entry("tell", "told"),
          Map.entry("think", "thought"),
          Map.entry("throw", "thrown"),
          Map.entry("understand", "understood"),
          Map.entry("wake", "woken"),
          Map.entry("wear", "worn"),
          Map.entry("weave", "woven"),
          Map.entry("weep", "wept"),
          Map.entry("win", "won"),
          Map.entry("wind", "wound"),
          Map.entry("wring", "wrung"),
          Map.entry("write", "written"));

  /** Simple past forms that differ from the participle (he wrote, it was written). */
  private static final Set<String> IRREGULAR_SIMPLE_PAST =
      Set.of(
          "began", "broke", "came", "chose", "drew", "drove", "ate", "fell", "flew", "forgave",
          "froze", "gave", "went", "grew", "knew", "rode", "rang", "rose", "ran", "saw", "shook",
          "showed", "sang", "sank", "spoke", "stole", "swore", "swam", "took", "tore", "woke",
          "wore", "wrote", "was", "were", "born", "borne", "arose", "blew", "forsook", "strode",
          "strove", "wove");

  /** Verbs that double their last consonant although they have more than one syllable. */
  private static final Set<String> DOUBLING =
      Set.of(
          "admit",
          "commit",
          "control",
          "defer",
          "emit",
          "equip",
          "incur",
          "occur",
          "omit",
          "patrol",
          "permit",
          "prefer",
          "recur",
          "refer",
          "regret",
          "remit",
          "submit",
          "transfer",
          "transmit");

  /** Words ending in {@code ed} that are no past tense. */
  private static final Set<String> ED_BUT_NOT_PAST =
      Set.of("bed", "embed", "hundred", "naked", "red", "sacred", "shed", "wed", "wicked");

  /** Past forms of verbs ending in {@code ee}; other words ending in {@code eed} are no past. */
  private static final Set<String> EED_PAST =
      Set.of("agreed", "decreed", "disagreed", "freed", "guaranteed", "refereed");

  /** Prefixes that keep a verb's forms: withdraw(n), rewrite/rewritten, upheld, overpaid. */
  private static final List<String> PREFIXES =
      List.of("with", "under", "over", "fore", "out", "mis", "pre", "re", "un", "up");

  /** Nouns built from verbs, and verbs built like such nouns (the exceptions). */
  private static final List<String> NOUN_ENDINGS = List.of("tion", "sion", "ment");

  private static final Set<String> VERBS_LIKE_NOUNS =
      Set.of(
          "audition",
          "auction",
          "augment",
          "caution",
          "cement",
          "comment",
          "commission",
          "complement",
          "compliment",
          "condition",
          "decrement",
          "document",
          "envision",
          "experiment",
          "ferment",
          "function",
          "implement",
          "increment",
          "lament",
          "mention",
          "motion",
          "partition",
          "pension",
          "petition",
          "portion",
          "position",
          "proportion",
          "provision",
          "question",
          "ration",
          "requisition",
          "sanction",
          "section",
          "segment",
          "station",
          "supplement",
          "torment",
          "transition",
          "version");

  /** Common nouns made from verbs that the endings above miss. */
  private static final Set<String> OTHER_NOUNS_FROM_VERBS =
      Set.of(
          "acceptance",
          "approval",
          "arrival",
          "assignment",
          "attendance",
          "closure",
          "clearance",
          "compliance",
          "denial",
          "departure",
          "disclosure",
          "dismissal",
          "disposal",
          "failure",
          "issuance",
          "maintenance",
          "proposal",
          "referral",
          "refusal",
          "removal",
          "renewal",
          "rental",
          "retrieval",
          "reversal",
          "signature",
          "submission",
          "withdrawal");

  private static final Set<String> ING_BUT_NOT_GERUND =
      Set.of(
          "bring", "ceiling", "during", "evening", "king", "ring", "sing", "spring", "string",
          "thing", "wing");

  private English() {}

  /**
   * Whether a word reads in the past tense: {@code Registered}, {@code Lent}, {@code Withdrawn}.
   */
  public static boolean isPast(String word) {
    String w = lower(word);
    if (IRREGULAR.containsValue(w) || IRREGULAR_SIMPLE_PAST.contains(w)) {
      return true;
    }
    if (w.endsWith("eed")) {
      return EED_PAST.contains(w);
    }
    if (w.endsWith("ed") && w.length() >= 4 && !ED_BUT_NOT_PAST.contains(w)) {
      return true;
    }
    return withoutPrefix(w).map(English::isPast).orElse(false);
  }

  /**
   * Whether a word can only be read as past tense, not also as a verb's base form: {@code Lent} but
   * not {@code Set}, {@code Read} or {@code Reset}.
   */
  public static boolean isOnlyPast(String word) {
    return isPast(word) && !isIrregularBase(lower(word));
  }

  /** Whether a word names a thing made from a verb: {@code Registration}, {@code Lending}. */
  public static boolean isNounFromVerb(String word) {
    String w = lower(word);
    if (OTHER_NOUNS_FROM_VERBS.contains(w)) {
      return true;
    }
    if (w.endsWith("ing") && w.length() > 5 && !ING_BUT_NOT_GERUND.contains(w)) {
      return true;
    }
    return NOUN_ENDINGS.stream().anyMatch(w::endsWith) && !VERBS_LIKE_NOUNS.contains(w);
  }

  /**
   * The past participle of a verb's base form, keeping its case: {@code Lend} gives {@code Lent}.
   */
  public static String pastOf(String verb) {
    return withCaseOf(verb, regularOrIrregularPast(lower(verb)));
  }

  private static String regularOrIrregularPast(String verb) {
    if (IRREGULAR.containsKey(verb)) {
      return IRREGULAR.get(verb);
    }
    for (String prefix : PREFIXES) {
      String rest = verb.substring(Math.min(prefix.length(), verb.length()));
      if (verb.startsWith(prefix) && rest.length() >= 2 && IRREGULAR.containsKey(rest)) {
        return prefix + IRREGULAR.get(rest);
      }
    }
    if (verb.endsWith("e")) {
      return verb + "d";
    }
    int n = verb.length();
    if (verb.endsWith("y") && n > 1 && !isVowel(verb.charAt(n - 2))) {
      return verb.substring(0, n - 1) + "ied";
    }
    if (doublesLastConsonant(verb)) {
      return verb + verb.charAt(n - 1) + "ed";
    }
    return verb + "ed";
  }

  /** stop → stopped, submit → submitted, cancel → cancelled (British, as in the examples). */
  private static boolean doublesLastConsonant(String verb) {
    int n = verb.length();
    if (n < 3 || DOUBLING.contains(verb)) {
      return DOUBLING.contains(verb);
    }
    char last = verb.charAt(n - 1);
    boolean consonantVowelConsonant =
        !isVowel(last)
            && isVowel(verb.charAt(n - 2))
            && !isVowel(verb.charAt(n - 3))
            && "wxy".indexOf(last) < 0;
    if (!consonantVowelConsonant) {
      return false;
    }
    return last == 'l' || vowelGroups(verb) == 1;
  }

  private static boolean isIrregularBase(String w) {
    if (IRREGULAR.containsKey(w)) {
      return true;
    }
    return withoutPrefix(w).map(English::isIrregularBase).orElse(false);
  }

  private static java.util.Optional<String> withoutPrefix(String w) {
    for (String prefix : PREFIXES) {
      if (w.startsWith(prefix) && w.length() - prefix.length() >= 3) {
        String rest = w.substring(prefix.length());
        if (IRREGULAR.containsKey(rest)
            || IRREGULAR.containsValue(rest)
            || IRREGULAR_SIMPLE_PAST.contains(rest)) {
          return java.util.Optional.of(rest);
        }
      }
    }
    return java.util.Optional.empty();
  }

  private static int vowelGroups(String word) {
    int groups = 0;
    boolean inVowel = false;
    for (char c : word.toCharArray()) {
      boolean vowel = isVowel(c);
      if (vowel && !inVowel) {
        groups++;
      }
      inVowel = vowel;
    }
    return groups;
  }

  static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  /** Gives {@code result} the capitalisation of {@code model}: Word, WORD or word. */
  static String withCaseOf(String model, String result) {
    if (model.length() > 1 && model.chars().noneMatch(c -> Words.isLower((char) c))) {
      return model.equals(result.toUpperCase(Locale.ROOT))
          ? model
          : model + result.substring(Math.min(model.length(), result.length()));
    }
    return Words.isUpper(model.charAt(0)) ? Case.capitalize(result) : result;
  }
}
