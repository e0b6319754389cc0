package dev.tracepaper.expr;

import dev.cel.common.ast.CelExpr;

/** Thrown inside the translator when a node has no Java; becomes a {@link Translation}. */
final class Untranslatable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient CelExpr node;
  final String construct;
  final String hint;

  Untranslatable(CelExpr node, String construct, String hint) {
    super(construct, null, false, false);
    this.node = node;
    this.construct = construct;
    this.hint = hint;
  }
}
