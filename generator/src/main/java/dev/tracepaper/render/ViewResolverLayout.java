package dev.tracepaper.render;

import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.RelationData;
import dev.tracepaper.render.data.ViewData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the AppSync JS resolvers of the read side go: {@code
 * src/main/resources/resolvers/view/<Kind>.js.ftl} renders once per query or relation field of that
 * kind ({@code Get}, {@code List}, {@code Index}, {@code Ref}, {@code By}), to the field's {@code
 * resolverFile}, with {@code view} and {@code query} or {@code relation} in its data. One file per
 * field ({@code Subscribe} once per view whose subscription is keyed, to its {@code
 * subscribeResolverFile}): AppSync JS cannot import a shared module, and a file holding only its
 * own field's constants reads plainly in the console.
 */
final class ViewResolverLayout {

  static final String FOLDER = "src/main/resources/resolvers/view/";

  /** The kind of the keyed subscriptions' resolvers: one per view whose subscription is keyed. */
  private static final String SUBSCRIBE = "SUBSCRIBE";

  private ViewResolverLayout() {}

  static boolean holds(String template) {
    return template.startsWith(FOLDER);
  }

  static List<Layout.Output> outputs(String template, ProjectData project) {
    String kind =
        template
            .substring(FOLDER.length(), template.indexOf('.', FOLDER.length()))
            .toUpperCase(Locale.ROOT);
    List<Layout.Output> outputs = new ArrayList<>();
    for (ViewData view : project.views()) {
      if (kind.equals(SUBSCRIBE) && view.subscription().keyed()) {
        outputs.add(
            output(
                template,
                view.subscription().subscribeResolverFile(),
                project,
                view,
                "view",
                view));
      }
      for (QueryData query : view.queries()) {
        if (query.kind().equals(kind)) {
          outputs.add(output(template, query.resolverFile(), project, view, "query", query));
        }
      }
      for (RelationData relation : view.relations()) {
        if (relation.kind().equals(kind)) {
          outputs.add(
              output(template, relation.resolverFile(), project, view, "relation", relation));
        }
      }
    }
    return outputs;
  }

  private static Layout.Output output(
      String template, String path, ProjectData project, ViewData view, String role, Object field) {
    Map<String, Object> data = new TreeMap<>();
    data.put("project", project);
    data.put("view", view);
    data.put(role, field);
    return new Layout.Output(template, path, data);
  }
}
