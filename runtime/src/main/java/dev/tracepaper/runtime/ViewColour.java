package dev.tracepaper.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a view's two tables a row is in. Every view has a blue table ({@code <stack>.<suffix>})
 * and a green one ({@code <stack>.<suffix>.green}); readers and the live projector use the one the
 * view's rebuild item names live ({@link RebuildLedger}), blue when it names none. A rebuild fills
 * the other one and then switches, so that readers never see a view emptied or half built.
 */
public enum ViewColour {
  BLUE,
  GREEN;

  /** What the bookkeeping item holds, and AppSync's read functions compare with. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The colour {@code text} names; blue for anything else, as the resolvers read it. */
  public static ViewColour of(String text) {
    return "green".equals(text) ? GREEN : BLUE;
  }

  public ViewColour other() {
    return this == BLUE ? GREEN : BLUE;
  }

  /** {@code view} writing to and reading from this colour's table. */
  public Projection of(Projection view) {
    if (view instanceof GreenTable green) {
      view = green.base();
    }
    return this == BLUE ? view : new GreenTable(view);
  }

  /**
   * A view in its green table: its table's name and variable carry the colour, all else is the
   * view's own.
   */
  private record GreenTable(Projection base) implements Projection {

    @Override
    public String view() {
      return base.view();
    }

    @Override
    public String keyField() {
      return base.keyField();
    }

    @Override
    public String tableVariable() {
      return base.tableVariable() + "_GREEN";
    }

    @Override
    public String tableSuffix() {
      return base.tableSuffix() + ".green";
    }

    @Override
    public long retentionDays() {
      return base.retentionDays();
    }

    @Override
    public Optional<AggregateType<?, ?>> stateOf() {
      return base.stateOf();
    }

    @Override
    public boolean handles(StoredEvent event) {
      return base.handles(event);
    }

    @Override
    public List<RowChange> project(StoredEvent event, RowReader rows) {
      return base.project(event, rows);
    }
  }
}
