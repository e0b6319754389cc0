package dev.tracepaper.render;

import dev.tracepaper.render.ExtraTemplates.Each;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.EnumData;
import dev.tracepaper.render.data.EventData;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.RecordData;
import dev.tracepaper.render.data.ViewData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The elements an extra template renders once for, each with the variables the built-in template of
 * that kind of element sees: a template moved from the built-ins to an extra reads the same names.
 */
final class ExtraLayout {

  /** One element: how messages name it, and the template's variables. */
  record Element(String label, Map<String, Object> data) {}

  private ExtraLayout() {}

  static List<Element> elements(ProjectData project, Each each) {
    List<Element> elements = new ArrayList<>();
    switch (each) {
      case PROJECT -> elements.add(new Element("the project", data(project, null, null, null)));
      case VIEW -> {
        for (ViewData v : project.views()) {
          elements.add(element("view", v.name(), data(project, null, "view", v)));
        }
      }
      case TYPE -> {
        for (RecordData t : project.types()) {
          elements.add(element("type", t.name(), data(project, null, "type", t)));
        }
      }
      case ENUM -> {
        for (EnumData e : project.enums()) {
          elements.add(element("enum", e.name(), data(project, null, "enum", e)));
        }
      }
      default -> {
        for (AggregateData a : project.aggregates()) {
          perAggregate(project, a, each, elements);
        }
      }
    }
    return elements;
  }

  private static void perAggregate(
      ProjectData project, AggregateData a, Each each, List<Element> elements) {
    switch (each) {
      case AGGREGATE -> elements.add(element("aggregate", a.name(), data(project, a, null, null)));
      case ENTITY -> {
        for (RecordData e : a.entities()) {
          elements.add(element("entity", e.name(), data(project, a, "entity", e)));
        }
      }
      case EVENT -> {
        for (EventData e : a.events()) {
          elements.add(element("event", e.name(), data(project, a, "event", e)));
        }
      }
      case COMMAND -> {
        for (CommandData c : a.commands()) {
          elements.add(element("command", c.name(), data(project, a, "command", c)));
        }
      }
      case POLICY -> {
        for (PolicyData p : a.policies()) {
          elements.add(element("policy", p.name(), data(project, a, "policy", p)));
        }
      }
      default -> throw new IllegalStateException("not per aggregate: " + each);
    }
  }

  private static Element element(String kind, String name, Map<String, Object> data) {
    return new Element(kind + " `" + name + "`", data);
  }

  private static Map<String, Object> data(
      ProjectData project, AggregateData aggregate, String kind, Object element) {
    Map<String, Object> data = new TreeMap<>();
    data.put("project", project);
    if (aggregate != null) {
      data.put("aggregate", aggregate);
    }
    if (kind != null) {
      data.put(kind, element);
    }
    return data;
  }
}
