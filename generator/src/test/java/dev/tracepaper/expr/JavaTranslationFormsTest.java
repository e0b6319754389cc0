package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java the examples' expressions become: readable, and as docs/model-reference.md says. */
class JavaTranslationFormsTest {

  private static Map<String, Translation> translations;

  @BeforeAll
  static void translateExamples() {
    translations = new java.util.HashMap<>();
    for (String example : List.of("library", "clinic", "projects")) {
      Path folder = TestPaths.examples().resolve(example);
      ValidationReport report = new Validator(List.of()).validate(List.of(folder), folder);
      CheckedExpressions checked = ExpressionChecker.checked(new ModelIndex(report.model()));
      JavaTranslator translator = new JavaTranslator(checked.types(), JavaNames.plain());
      translations.putAll(
          checked.all().stream()
              .collect(
                  Collectors.toMap(
                      c -> c.expression().text(), translator::translate, (a, b) -> a)));
    }
  }

  private static String java(String cel) {
    assertThat(translations).containsKey(cel);
    return ((Translation.Java) translations.get(cel)).code();
  }

  @Test
  void fieldsAreRecordAccessorsAndIntArithmeticIsExact() {
    assertThat(java("state.available - 1")).isEqualTo("Math.subtractExact(state.available(), 1L)");
    assertThat(java("has(view.open) ? view.open + 1 : 1"))
        .isEqualTo("((view.open() != null) ? Math.addExact(view.open(), 1L) : 1L)");
  }

  @Test
  void enumsCompareByName() {
    assertThat(java("state.status == 'AVAILABLE'"))
        .isEqualTo("\"AVAILABLE\".equals(Expressions.name(state.status()))");
  }

  @Test
  void datesCompareWithIsBefore() {
    assertThat(java("!has(command.dueOn) || today < command.dueOn"))
        .isEqualTo("((command.dueOn() == null) || today.isBefore(command.dueOn()))");
  }

  @Test
  void macrosAreStreams() {
    assertThat(java("state.loans.filter(l, l.loanId == command.loanId)"))
        .isEqualTo(
            "state.loans().stream().filter(l -> Objects.equals(l.loanId(), command.loanId()))"
                + ".toList()");
    Translation.Java member =
        (Translation.Java) translations.get("command.newOwner in state.members.map(m, m.userId)");
    assertThat(member.code())
        .isEqualTo(
            "state.members().stream().map(m -> m.userId()).toList().contains(command.newOwner())");
  }

  @Test
  void customFunctions() {
    assertThat(java("addDays(today, command.days)")).isEqualTo("today.plusDays(command.days())");
    assertThat(java("uuid()")).isEqualTo("Expressions.uuid()");
  }

  @Test
  void importsAreListed() {
    Translation.Java loans =
        (Translation.Java) translations.get("state.loans.filter(l, l.loanId == command.loanId)");
    assertThat(loans.imports()).containsExactly("java.util.Objects");
  }

  @Test
  void stringLiteralsAreEscaped() {
    assertThat(JavaLiterals.string("a\"b\\c\nd\u00e9\uD83D\uDE00\u0001"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\u00e9\uD83D\uDE00\\001\"");
    assertThat(JavaLiterals.integer(Long.MIN_VALUE)).isEqualTo("Long.MIN_VALUE");
    assertThat(JavaLiterals.integer(-3)).isEqualTo("(-3L)");
  }
}
