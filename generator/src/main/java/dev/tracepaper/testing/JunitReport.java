package dev.tracepaper.testing;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML, the format CI systems show as test reports: a {@code testsuite} per element
 * (command, policy, view) with a {@code testcase} per test; a failure holds the differences, a test
 * not run is {@code skipped} (never passed).
 */
public final class JunitReport {

  private JunitReport() {}

  public static String format(ModelTests.Run run) {
    Map<String, List<TestResult>> suites = new LinkedHashMap<>();
    run.results()
        .forEach(r -> suites.computeIfAbsent(r.element(), e -> new java.util.ArrayList<>()).add(r));
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "tracepaper test");
      counts(xml, run.results());
      xml.writeAttribute("time", seconds(run.millis() * 1000));
      for (Map.Entry<String, List<TestResult>> suite : suites.entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.getKey());
        counts(xml, suite.getValue());
        xml.writeAttribute(
            "time", seconds(suite.getValue().stream().mapToLong(TestResult::micros).sum()));
        for (TestResult result : suite.getValue()) {
          testcase(xml, result);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text.toString();
  }

  private static void testcase(XMLStreamWriter xml, TestResult result) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", result.element());
    xml.writeAttribute("name", result.name());
    xml.writeAttribute("file", result.location().file());
    xml.writeAttribute("line", Integer.toString(result.location().line()));
    xml.writeAttribute("time", seconds(result.micros()));
    if (result.status() == TestResult.Status.FAILED) {
      xml.writeCharacters("\n      ");
      xml.writeStartElement("failure");
      TestResult.Mismatch first = result.mismatches().get(0);
      xml.writeAttribute(
          "message",
          first.subject() + ": expected " + first.expected() + ", actual " + first.actual());
      xml.writeAttribute("type", "expectation");
      xml.writeCharacters(TextReport.line(result));
      xml.writeEndElement();
      xml.writeCharacters("\n    ");
    } else if (result.status() == TestResult.Status.NOT_RUN) {
      xml.writeCharacters("\n      ");
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", result.mismatches().get(0).subject());
      xml.writeCharacters("\n    ");
    }
    xml.writeEndElement();
  }

  private static void counts(XMLStreamWriter xml, List<TestResult> results)
      throws XMLStreamException {
    xml.writeAttribute("tests", Integer.toString(results.size()));
    xml.writeAttribute(
        "failures",
        Long.toString(
            results.stream().filter(r -> r.status() == TestResult.Status.FAILED).count()));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute(
        "skipped",
        Long.toString(
            results.stream().filter(r -> r.status() == TestResult.Status.NOT_RUN).count()));
  }

  private static String seconds(long micros) {
    return String.format(Locale.ROOT, "%.3f", micros / 1_000_000.0);
  }
}
