package dev.tracepaper.expr;

import static dev.cel.common.CelOverloadDecl.newGlobalOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import java.util.ArrayList;
import java.util.List;

/**
 * What Tracepaper adds to standard CEL: the strings extension, {@code uuid()}, {@code addDays(Date,
 * Int)}, {@code addSeconds(DateTime, Int)}, {@code string(Date)} (ISO text, like {@code
 * string(DateTime)}) and ordering between Dates ({@code ==} and {@code !=} hold for every type
 * already).
 */
public final class Functions {

  public static final String UUID = "uuid";
  public static final String ADD_DAYS = "addDays";
  public static final String ADD_SECONDS = "addSeconds";

  private Functions() {}

  /** Every declaration the checker gets on top of the standard environment. */
  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> all = new ArrayList<>(CelExtensions.strings().functions());
    all.add(
        CelFunctionDecl.newFunctionDeclaration(UUID, newGlobalOverload("uuid", SimpleType.STRING)));
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            ADD_DAYS,
            newGlobalOverload(
                "addDays_date_int", ModelTypes.DATE, ModelTypes.DATE, SimpleType.INT)));
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            ADD_SECONDS,
            newGlobalOverload(
                "addSeconds_timestamp_int",
                SimpleType.TIMESTAMP,
                SimpleType.TIMESTAMP,
                SimpleType.INT)));
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            "string", newGlobalOverload("string_date", SimpleType.STRING, ModelTypes.DATE)));
    all.add(dateOrder("_<_", "less_date"));
    all.add(dateOrder("_<=_", "less_equals_date"));
    all.add(dateOrder("_>_", "greater_date"));
    all.add(dateOrder("_>=_", "greater_equals_date"));
    return all;
  }

  private static CelFunctionDecl dateOrder(String operator, String overloadId) {
    return CelFunctionDecl.newFunctionDeclaration(
        operator, newGlobalOverload(overloadId, SimpleType.BOOL, ModelTypes.DATE, ModelTypes.DATE));
  }
}
