package dev.tracepaper.extend;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An element of an XML file with where it stands in the text: {@code start} at its {@code <},
 * {@code closeStart} at the {@code <} of its end tag, {@code end} just past it. Built with the
 * JDK's StAX parser (which reports the line and column after each event), with DTDs and external
 * entities off.
 */
record XmlElement(
    String name, int start, int closeStart, int end, String text, List<XmlElement> children) {

  static XmlElement parse(String xml) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
    Text text = new Text(xml);
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        // The parser's character offsets drift from the text (they count line breaks apart);
        // its line and column, counted in chars, do not.
        javax.xml.stream.Location location = reader.getLocation();
        int after =
            location.getLineNumber() < 1
                ? xml.length()
                : Math.min(
                    xml.length(),
                    text.lineStart(location.getLineNumber()) + location.getColumnNumber() - 1);
        switch (event) {
          case XMLStreamConstants.START_ELEMENT ->
              open.push(new Builder(reader.getLocalName(), xml.lastIndexOf('<', after - 1)));
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              open.peek().text.append(reader.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Builder done = open.pop();
            // An empty element (<a/>) reports its end where it starts.
            int closeStart = Math.max(done.start, xml.lastIndexOf('<', after - 1));
            XmlElement element =
                new XmlElement(
                    done.name,
                    done.start,
                    closeStart,
                    Math.max(after, closeStart),
                    done.text.toString().strip(),
                    done.children);
            if (open.isEmpty()) {
              root = element;
            } else {
              open.peek().children.add(element);
            }
          }
          default -> {
            // comments, processing instructions, white space outside elements
          }
        }
      }
    } finally {
      reader.close();
    }
    if (root == null) {
      throw new XMLStreamException("the file holds no element");
    }
    return root;
  }

  private static final class Builder {
    final String name;
    final int start;
    final StringBuilder text = new StringBuilder();
    final List<XmlElement> children = new ArrayList<>();

    Builder(String name, int start) {
      this.name = name;
      this.start = start;
    }
  }

  Optional<XmlElement> child(String name) {
    return children.stream().filter(c -> c.name.equals(name)).findFirst();
  }

  /** The text of a child element, empty when there is none. */
  String childText(String name) {
    return child(name).map(XmlElement::text).orElse("");
  }

  /** The element at {@code path} below this one ({@code "build/plugins"}). */
  Optional<XmlElement> at(String path) {
    Optional<XmlElement> at = Optional.of(this);
    for (String step : path.split("/")) {
      at = at.flatMap(e -> e.child(step));
    }
    return at;
  }

  /** {@code groupId:artifactId} of a dependency or plugin; plugins default to Maven's group. */
  String coordinates(String defaultGroup) {
    String group = childText("groupId");
    return (group.isEmpty() ? defaultGroup : group) + ":" + childText("artifactId");
  }
}
