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
 * string(DateTime)}), ordering between Dates ({@code ==} and {@code !=} hold for every type
 * already), {@code sha256(String)}, {@code crc32(String)}, {@code formatTime(DateTime, String)} and
 * {@code epochSeconds(DateTime)}.
 */
public final class Functions {

  public static final String UUID = "uuid";
  public static final String ADD_DAYS = "addDays";
  public static final String ADD_SECONDS = "addSeconds";
  public static final String SHA256 = "sha256";
  public static final String CRC32 = "crc32";
  public static final String FORMAT_TIME = "formatTime";
  public static final String EPOCH_SECONDS = "epochSeconds";

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
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            SHA256, newGlobalOverload("sha256_string", SimpleType.STRING, SimpleType.STRING)));
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            CRC32, newGlobalOverload("crc32_string", SimpleType.INT, SimpleType.STRING)));
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            FORMAT_TIME,
            newGlobalOverload(
                "formatTime_timestamp_string",
                SimpleType.STRING,
                SimpleType.TIMESTAMP,
                SimpleType.STRING)));
    all.add(
        CelFunctionDecl.newFunctionDeclaration(
            EPOCH_SECONDS,
            newGlobalOverload("epochSeconds_timestamp", SimpleType.INT, SimpleType.TIMESTAMP)));
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
