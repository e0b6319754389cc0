package dev.tracepaper.expr;

import dev.cel.common.ast.CelExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Walks CEL syntax trees without recursion (cheaper than dev.cel's navigable views). */
public final class AstNodes {

  private AstNodes() {}

  /** Every node of the tree, the root first. */
  public static List<CelExpr> all(CelExpr root) {
    List<CelExpr> found = new ArrayList<>();
    Deque<CelExpr> open = new ArrayDeque<>();
    open.push(root);
    while (!open.isEmpty()) {
      CelExpr expr = open.pop();
      found.add(expr);
      children(expr, open);
    }
    return found;
  }

  private static void children(CelExpr expr, Deque<CelExpr> into) {
    switch (expr.getKind()) {
      case SELECT -> into.push(expr.select().operand());
      case CALL -> {
        expr.call().target().ifPresent(into::push);
        expr.call().args().forEach(into::push);
      }
      case LIST -> expr.list().elements().forEach(into::push);
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  e -> {
                    into.push(e.key());
                    into.push(e.value());
                  });
      case STRUCT -> expr.struct().entries().forEach(e -> into.push(e.value()));
      case COMPREHENSION -> {
        into.push(expr.comprehension().iterRange());
        into.push(expr.comprehension().accuInit());
        into.push(expr.comprehension().loopCondition());
        into.push(expr.comprehension().loopStep());
        into.push(expr.comprehension().result());
      }
      default -> {
        // Constants and identifiers have no children.
      }
    }
  }
}
