package dev.tracepaper.hostile;

import dev.tracepaper.hostile.BaseModel.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * The families of hostile names, each put into the positions of {@link BaseModel}: reserved words
 * of Java, GraphQL, CEL and CloudFormation; path separators, dot segments and Windows device names;
 * very long names; non-ASCII names. The lists are written here, not taken from the generator's own
 * tables, so that a word the generator forgot is still tried.
 */
final class HostileNames {

  static final List<String> JAVA =
      List.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "_",
          "var",
          "record",
          "yield",
          "sealed",
          "permits",
          "module",
          "Object",
          "String",
          "Override",
          "List",
          "Map",
          "Optional",
          "Instant",
          "LocalDate",
          "JsonNode");

  static final List<String> GRAPHQL =
      List.of(
          "Query",
          "Mutation",
          "Subscription",
          "ID",
          "Int",
          "Float",
          "Boolean",
          "__typename",
          "__schema",
          "__Type",
          "AWSDate",
          "AWSDateTime",
          "AWSJSON",
          "AWSEmail",
          "AWSURL",
          "schema",
          "type",
          "input",
          "fragment",
          "on",
          "directive",
          "scalar",
          "union");

  static final List<String> CEL =
      List.of(
          "in",
          "as",
          "function",
          "let",
          "loop",
          "namespace",
          "has",
          "size",
          "uint",
          "bytes",
          "dyn",
          "list",
          "map",
          "command",
          "state",
          "event",
          "user",
          "now",
          "today",
          "uuid");

  static final List<String> CLOUD_FORMATION =
      List.of(
          "AWS",
          "Ref",
          "Condition",
          "Fn",
          "Resources",
          "Outputs",
          "Parameters",
          "Mappings",
          "Transform",
          "Globals",
          "Metadata",
          "AWSTemplateFormatVersion",
          "Serverless",
          "Stack");

  static final List<String> PATHS =
      List.of(
          "a/b",
          "../x",
          "..",
          ".",
          "a\\b",
          "CON",
          "con",
          "Con",
          "nul",
          "Nul",
          "NUL.txt",
          "COM1",
          "Com1",
          "LPT1",
          "Lpt9",
          "AUX",
          "Aux",
          "PRN",
          "Prn",
          "x:y",
          "a*b",
          "a?b",
          "<x>",
          "a|b",
          "x.",
          "x ",
          " x",
          "",
          ".hidden",
          "~x",
          "$HOME",
          "%TEMP%",
          "a\u0000b",
          "a\nb",
          "a\tb");

  static final List<String> NON_ASCII =
      List.of(
          "Ordér",
          "Ωmega",
          "Заказ",
          "注文",
          "\uD83D\uDE00",
          "Or\u200Bder",
          "Ｏrder",
          "ıtem",
          "İtem",
          "Ore\u0301",
          "\u202Eredro",
          "Straße");

  private static final List<Position> NAMES =
      List.of(
          Position.AGGREGATE,
          Position.FIELD,
          Position.EVENT,
          Position.COMMAND,
          Position.VIEW,
          Position.TYPE,
          Position.ENUM,
          Position.VALUE,
          Position.ENTITY,
          Position.VARIABLE,
          Position.ROLE,
          Position.POLICY,
          Position.PATTERN);

  private HostileNames() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new ArrayList<>();
    reserved(cases, "java", JAVA);
    reserved(cases, "graphql", GRAPHQL);
    reserved(cases, "cel", CEL);
    reserved(cases, "cloudformation", CLOUD_FORMATION);
    everywhere(cases, "path", PATHS);
    everywhere(cases, "non-ascii", NON_ASCII);
    longNames(cases);
    appAndPackage(cases);
    return cases;
  }

  /**
   * Each word either in a member position as written (field, variable, enum value) or capitalised
   * in a type position, alternately, and the positions turn by turn, so that every word and every
   * position is tried.
   */
  private static void reserved(List<HostileCase> cases, String family, List<String> words) {
    List<Position> members = List.of(Position.FIELD, Position.VARIABLE, Position.VALUE);
    List<Position> types =
        List.of(
            Position.AGGREGATE,
            Position.TYPE,
            Position.ENUM,
            Position.ENTITY,
            Position.VIEW,
            Position.EVENT,
            Position.COMMAND,
            Position.POLICY);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      Position member = members.get(i / 2 % members.size());
      Position type = types.get(i / 2 % types.size());
      // One position per word (a full generation per valid case is what the corpus costs).
      cases.add(i % 2 == 0 ? named(family, member, word) : named(family, type, capitalised(word)));
    }
  }

  private static void everywhere(List<HostileCase> cases, String family, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      for (Position p : NAMES) {
        // Every name in the positions that become files and folders; the rest turn by turn.
        boolean file = p == Position.AGGREGATE || p == Position.VIEW || p == Position.TYPE;
        if (file || NAMES.indexOf(p) % 4 == i % 4) {
          cases.add(named(family, p, names.get(i)));
        }
      }
    }
  }

  /** Names at and around the AWS limits (64, 80, 128, 255 characters), and 300 everywhere. */
  private static void longNames(List<HostileCase> cases) {
    for (int length : List.of(40, 56, 64, 65, 80, 128, 255, 256)) {
      for (Position p : List.of(Position.AGGREGATE, Position.POLICY, Position.VIEW)) {
        cases.add(named("long-" + length, p, longName(p, length)));
      }
    }
    for (Position p : NAMES) {
      cases.add(named("long-300", p, longName(p, 300)));
    }
  }

  private static void appAndPackage(List<HostileCase> cases) {
    for (String app : List.of("con", "nul", "com1", "../x", "a/b", "x".repeat(101), "café")) {
      cases.add(named("app", Position.APP, app));
    }
    for (String pkg :
        List.of(
            "com.con.shop",
            "com.example.nul",
            "com.aux.x",
            "com.example.com1",
            "lpt1.x",
            "com.exämple",
            "com/example",
            "com..example",
            "java.shop",
            "com.example.class")) {
      cases.add(named("package", Position.PACKAGE, pkg));
    }
  }

  /** A name of that length written as the position's convention asks (camel or Pascal case). */
  private static String longName(Position p, int length) {
    StringBuilder b = new StringBuilder(p == Position.VALUE ? "A" : "Ab");
    while (b.length() < length) {
      b.append(p == Position.VALUE ? 'B' : 'x');
    }
    String name = b.substring(0, length);
    return p == Position.FIELD || p == Position.VARIABLE || p == Position.ROLE
        ? Character.toLowerCase(name.charAt(0)) + name.substring(1)
        : name;
  }

  private static HostileCase named(String family, Position position, String name) {
    String shown = name.length() > 40 ? name.length() + "-chars" : printable(name);
    return HostileCase.text(
        family + ": " + position.name().toLowerCase() + " `" + shown + "`",
        BaseModel.with(position, name));
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String printable(String name) {
    StringBuilder b = new StringBuilder();
    name.codePoints()
        .forEach(c -> b.append(c < 0x20 ? String.format("\\u%04x", c) : Character.toString(c)));
    return b.toString();
  }
}
