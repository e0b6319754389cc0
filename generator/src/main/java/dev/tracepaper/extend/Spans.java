package dev.tracepaper.extend;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines each entry of a block mapping or list spans in a hand-written file: from the comment
 * lines right above its key (they describe it) to the line before the next entry's, without
 * trailing blank lines.
 */
final class Spans {

  private Spans() {}

  /**
   * Per entry starting at {@code keyLines} (1-based), {@code [first, end)}: no span begins before
   * {@code from}, and the last ends before {@code end}.
   */
  static List<int[]> of(Text text, List<Integer> keyLines, int from, int end) {
    List<Integer> starts = new ArrayList<>();
    int floor = from;
    for (int key : keyLines) {
      int start = key;
      while (start - 1 >= floor && text.isComment(start - 1)) {
        start--;
      }
      starts.add(start);
      floor = key + 1;
    }
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int stop = i + 1 < starts.size() ? starts.get(i + 1) : end;
      while (stop - 1 > keyLines.get(i) && text.isBlank(stop - 1)) {
        stop--;
      }
      spans.add(new int[] {starts.get(i), stop});
    }
    return spans;
  }
}
