package dev.tracepaper.render.data;

import java.util.List;

/**
 * What a read's resolver checks of the caller when its {@code auth} depends on the data ({@code
 * owner:<field>}, {@code {when: CEL}}); AppSync's directives have already admitted the caller as a
 * signed-in user, or by a mode that depends on no data.
 *
 * @param present whether the resolver checks anything: false when every caller AppSync admits may
 *     read every row
 * @param roles the Cognito groups whose users read every row
 * @param everyRow JavaScript conditions over {@code user} and {@code args}, any of which admits the
 *     caller to every row the request finds; decided before anything is read
 * @param perRow JavaScript conditions over {@code user}, {@code args} and {@code row}, any of which
 *     admits the caller to that row; the other rows are left out of the answer
 * @param perRowReadsArgs whether a condition of {@code perRow} reads {@code args}
 * @param indexesLists whether a condition takes an element of a list ({@code list[i]})
 */
public record ReadCheckData(
    boolean present,
    List<String> roles,
    List<String> everyRow,
    List<String> perRow,
    boolean perRowReadsArgs,
    boolean indexesLists) {

  public static final ReadCheckData NONE =
      new ReadCheckData(false, List.of(), List.of(), List.of(), false, false);

  public ReadCheckData {
    roles = List.copyOf(roles);
    everyRow = List.copyOf(everyRow);
    perRow = List.copyOf(perRow);
  }

  /** Whether rows are left out one by one, rather than the whole request refused. */
  public boolean filtersRows() {
    return present && !perRow.isEmpty();
  }
}
