package dev.tracepaper.docs;

import dev.tracepaper.docs.Diagram.Edge;
import dev.tracepaper.docs.Diagram.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Draws a {@link Diagram} as SVG: its columns left to right, each column's boxes top to bottom in
 * the order they were added and centred on the tallest column. Arrows to a later column are curves
 * between the boxes' sides; arrows back (or within a column) run below the boxes, each in its own
 * lane, so none crosses a box. The text is measured by an estimate (no font is at hand when the
 * site is generated): boxes are sized for a wide sans-serif letter.
 */
public final class SvgDiagram {

  private static final int MARGIN = 12;
  private static final int BOX_HEIGHT = 36;
  private static final int ROW_GAP = 14;
  private static final int COLUMN_GAP = 90;
  private static final int MIN_BOX_WIDTH = 100;
  private static final double LETTER = 7.4;
  private static final int LANE = 14;
  private static final double LABEL_LETTER = 6.3;

  private record Box(int x, int y, int width) {
    int middleY() {
      return y + BOX_HEIGHT / 2;
    }

    int centreX() {
      return x + width / 2;
    }
  }

  private SvgDiagram() {}

  /** The diagram as an inline {@code <svg>} element; {@code cssId} names it on its page. */
  public static String render(Diagram diagram, String cssId) {
    Map<Integer, List<Node>> columns = new TreeMap<>();
    for (Node node : diagram.nodes()) {
      columns.computeIfAbsent(node.column(), c -> new ArrayList<>()).add(node);
    }
    int tallest = 0;
    for (List<Node> column : columns.values()) {
      tallest = Math.max(tallest, columnHeight(column.size()));
    }
    int gap = COLUMN_GAP;
    for (Edge edge : diagram.edges()) {
      gap = Math.max(gap, (int) Math.ceil(edge.label().length() * LABEL_LETTER) + 24);
    }
    Map<String, Box> boxes = new HashMap<>();
    int x = MARGIN;
    for (List<Node> column : columns.values()) {
      int width = MIN_BOX_WIDTH;
      for (Node node : column) {
        width = Math.max(width, textWidth(node.label()) + 24);
      }
      int y = MARGIN + (tallest - columnHeight(column.size())) / 2;
      for (Node node : column) {
        boxes.put(node.id(), new Box(x, y, width));
        y += BOX_HEIGHT + ROW_GAP;
      }
      x += width + gap;
    }
    int width = Math.max(x - gap + MARGIN, 2 * MARGIN + MIN_BOX_WIDTH);
    int bottom = MARGIN + tallest;
    StringBuilder arrows = new StringBuilder();
    int lanes = 0;
    for (Edge edge : diagram.edges()) {
      Box from = boxes.get(edge.from());
      Box to = boxes.get(edge.to());
      if (from == to) {
        arrows.append(selfLoop(from));
      } else if (to.x > from.x) {
        arrows.append(forward(from, to));
      } else {
        lanes++;
        arrows.append(backward(from, to, bottom + lanes * LANE));
      }
    }
    int height = bottom + lanes * LANE + MARGIN + (lanes > 0 ? LANE : 0);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" id=\"")
        .append(xml(cssId))
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(xml(diagram.title()))
        .append("\">\n<title>")
        .append(xml(diagram.title()))
        .append("</title>\n<defs><marker id=\"")
        .append(xml(cssId))
        .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
        .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"")
        .append(
            " fill=\"#555\"/></marker></defs>\n<g class=\"edges\" fill=\"none\" stroke=\"#555\"")
        .append(" stroke-width=\"1.3\" marker-end=\"url(#")
        .append(xml(cssId))
        .append("-arrow)\">\n")
        .append(arrows)
        .append("</g>\n");
    for (Node node : diagram.nodes()) {
      svg.append(box(node, boxes.get(node.id())));
    }
    svg.append(labels(diagram, boxes, bottom));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static int columnHeight(int boxes) {
    return boxes * BOX_HEIGHT + Math.max(0, boxes - 1) * ROW_GAP;
  }

  private static int textWidth(String text) {
    return (int) Math.ceil(text.length() * LETTER);
  }

  private static String box(Node node, Box box) {
    StringBuilder g = new StringBuilder();
    String open =
        "<g class=\"node " + node.kind().name().toLowerCase(java.util.Locale.ROOT) + "\">";
    if (!node.href().isEmpty()) {
      g.append("<a href=\"").append(xml(node.href())).append("\">");
    }
    g.append(open)
        .append("<title>")
        .append(xml(node.kind().word() + " " + node.label()))
        .append("</title><rect x=\"")
        .append(box.x)
        .append("\" y=\"")
        .append(box.y)
        .append("\" width=\"")
        .append(box.width)
        .append("\" height=\"")
        .append(BOX_HEIGHT)
        .append("\" rx=\"4\" fill=\"")
        .append(node.kind().fill())
        .append("\" stroke=\"#444\"/><text x=\"")
        .append(box.centreX())
        .append("\" y=\"")
        .append(box.middleY() + 5)
        .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\"")
        .append(" fill=\"#111\">")
        .append(xml(node.label()))
        .append("</text></g>");
    if (!node.href().isEmpty()) {
      g.append("</a>");
    }
    return g.append('\n').toString();
  }

  private static String forward(Box from, Box to) {
    int x1 = from.x + from.width;
    int y1 = from.middleY();
    int x2 = to.x;
    int y2 = to.middleY();
    int bend = (x2 - x1) / 2;
    return path(
        "M%d,%d C%d,%d %d,%d %d,%d".formatted(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2));
  }

  private static String backward(Box from, Box to, int laneY) {
    int x1 = from.centreX();
    int y1 = from.y + BOX_HEIGHT;
    int x2 = to.centreX() + 8;
    int y2 = to.y + BOX_HEIGHT;
    return path(
        "M%d,%d C%d,%d %d,%d %d,%d C%d,%d %d,%d %d,%d"
            .formatted(
                x1, y1, x1, laneY, x1, laneY, (x1 + x2) / 2, laneY, x2, laneY, x2, laneY, x2, y2));
  }

  private static String selfLoop(Box box) {
    int x1 = box.x + box.width - 24;
    int y = box.y;
    int x2 = box.x + box.width - 8;
    return path(
        "M%d,%d C%d,%d %d,%d %d,%d".formatted(x1, y, x1 - 4, y - 22, x2 + 4, y - 22, x2, y));
  }

  private static String path(String d) {
    return "<path d=\"" + d + "\"/>\n";
  }

  /**
   * The arrows' labels, drawn after the boxes so that no box hides one: at the middle of a forward
   * arrow, on the lane of a backward one, above a loop.
   */
  private static String labels(Diagram diagram, Map<String, Box> boxes, int bottom) {
    StringBuilder text = new StringBuilder();
    int lanes = 0;
    for (Edge edge : diagram.edges()) {
      Box from = boxes.get(edge.from());
      Box to = boxes.get(edge.to());
      int x;
      int y;
      if (from == to) {
        x = from.x + from.width - 16;
        y = from.y - 16;
      } else if (to.x > from.x) {
        x = (from.x + from.width + to.x) / 2;
        y = (from.middleY() + to.middleY()) / 2 - 4;
      } else {
        lanes++;
        x = (from.centreX() + to.centreX()) / 2;
        y = bottom + lanes * LANE - 3;
      }
      if (edge.label().isEmpty()) {
        continue;
      }
      text.append("<text class=\"edge-label\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(y)
          .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"11\"")
          .append(" fill=\"#333\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">")
          .append(xml(edge.label()))
          .append("</text>\n");
    }
    return text.toString();
  }

  private static String xml(String text) {
    return StringEscapeUtils.escapeXml10(text);
  }
}
