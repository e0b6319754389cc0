package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;

import dev.cel.common.types.SimpleType;
import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked expressions of the library example, as generation will read them. */
class ExpressionCheckerTest {

  private static CheckedExpressions library() {
    Path library = TestPaths.examples().resolve("library");
    ValidationReport report = new Validator(List.of()).validate(List.of(library), library);
    return ExpressionChecker.checked(new ModelIndex(report.model()));
  }

  private static CheckedExpression find(CheckedExpressions all, String text) {
    return all.all().stream()
        .filter(c -> c.expression().text().equals(text))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyExpressionHasACheckedTree() {
    CheckedExpressions all = library();
    assertThat(all.all()).isNotEmpty();
    assertThat(all.all().stream().allMatch(c -> c.isValid() && c.ast().isPresent())).isTrue();
  }

  @Test
  void letVariablesAreTypedInOrder() {
    CheckedExpressions all = library();
    CheckedExpression due = find(all, "addDays(today, command.days)");
    assertThat(due.site().place()).isEqualTo(Place.LET);
    assertThat(due.resultType()).isEqualTo(ModelTypes.DATE);
    assertThat(due.scope().names().keySet())
        .containsExactly("command", "user", "now", "today", "state", "loanId")
        .inOrder();
  }

  @Test
  void resultTypesAndTargetsAreKnown() {
    CheckedExpressions all = library();
    CheckedExpression open = find(all, "has(view.open) ? view.open + 1 : 1");
    assertThat(open.site().place()).isEqualTo(Place.HANDLER_FIELD);
    assertThat(open.resultType()).isEqualTo(SimpleType.INT);
    assertThat(open.site().target().orElseThrow().field()).isEqualTo("open");
    CheckedExpression member = find(all, "size(found) > 0 ? found[0].memberId : ''");
    assertThat(member.resultType()).isEqualTo(SimpleType.STRING);
  }

  @Test
  void eachExpressionIsFoundByIdentity() {
    CheckedExpressions all = library();
    CheckedExpression first = all.all().get(0);
    assertThat(all.of(first.expression())).hasValue(first);
  }
}
