package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Int value going into a Float field is converted as CEL's {@code double()} converts. Java
 * widens a {@code long} into a {@code double} by itself, but not into a boxed {@code Double} (the
 * state's, an entity's and a view's fields, which may be absent) nor a {@code List<Long>} into a
 * {@code List<Double>}: before issue 11 such a model validated and its project did not compile.
 */
class IntIntoFloatTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: grades, package: com.example.grades}
      aggregates:
        Course:
          key: courseId
          fields: {courseId: String, total: Float, weights: '[Float]', floor: Float}
          events:
            CourseGraded:
              fields: {courseId: String, a: Int, marks: '[Int]', floor: Float}
              apply: {total: event.a + 1, weights: event.marks}
          commands:
            GradeCourse:
              creates: true
              fields: {courseId: String, a: Int, b: Int, marks: '[Int]'}
              emits:
                - CourseGraded: {floor: 7}
              tests:
                - when: {courseId: c1, a: 4, b: 3, marks: [1, 2]}
                  then: {state: {total: 5.0, weights: [1.0, 2.0], floor: 7.0}}
      views:
        Averages:
          key: courseId
          fields: {courseId: String, doubled: Float}
          on:
            Course.CourseGraded: {key: event.courseId, set: {doubled: event.a * 2}}
      """;

  @Test
  void anIntGoingIntoAFloatFieldIsConvertedToDouble(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(model, MODEL);
    Map<String, String> files = GeneratedGoldenTest.render(model);
    String java = "src/main/java/com/example/grades/";
    assertThat(files.get(java + "course/CourseState.java"))
        .contains("(double) Math.addExact(event.a(), 1L),");
    assertThat(files.get(java + "course/CourseState.java"))
        .contains("event.marks().stream().map(Long::doubleValue).toList()");
    assertThat(files.get(java + "course/GradeCourseFlow.java")).contains("7.0");
    assertThat(files.get(java + "views/AveragesProjection.java"))
        .contains("(double) Math.multiplyExact(event.a(), 2L)");
  }
}
