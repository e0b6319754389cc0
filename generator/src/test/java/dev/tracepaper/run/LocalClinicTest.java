package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The clinic served locally: callers without a token (its API key) read the public directory, an
 * auth's {@code when} decides by the token's {@code sub}, a view's {@code where} drops a row, and a
 * relation resolves.
 */
class LocalClinicTest {

  static final String RECEPTIONIST = LocalLibrary.token("u-desk", "desk", List.of("receptionist"));
  static final String JANSEN = LocalLibrary.token("u-jansen", "dr.jansen", List.of("practitioner"));
  static final String SMIT = LocalLibrary.token("u-smit", "dr.smit", List.of("practitioner"));

  static final String DIRECTORY =
      "{ listPractitionerDirectories { items { practitionerId displayName } } }";

  @TempDir Path folder;

  @Test
  void anonymousCallersReadTheDirectoryAWhenConditionDecidesByTheCallersId() throws Exception {
    try (LocalLibrary clinic = LocalLibrary.start(folder, "clinic")) {
      String add =
          "mutation { addPractitioner(input: {practitionerId: \"u-jansen\", name: \"Eva Jansen\","
              + " specialties: [PHYSIOTHERAPY]}) { id } }";
      JsonNode anonymous = clinic.graphql(add, null);
      assertThat(anonymous.at("/errors/0/errorType").asString()).isEqualTo("UNAUTHORIZED");
      assertThat(clinic.graphql(add, RECEPTIONIST).at("/data/addPractitioner/id").asString())
          .isEqualTo("u-jansen");
      assertThat(
              clinic
                  .graphql(DIRECTORY, null)
                  .at("/data/listPractitionerDirectories/items")
                  .toString())
          .isEqualTo("[{\"practitionerId\":\"u-jansen\",\"displayName\":\"Dr. Eva Jansen\"}]");

      String close =
          "mutation { closePatientList(input: {practitionerId: \"u-jansen\"}) { events } }";
      JsonNode byAnother = clinic.graphql(close, SMIT);
      assertThat(byAnother.at("/errors/0/errorType").asString()).isEqualTo("UNAUTHORIZED");
      JsonNode byHerself = clinic.graphql(close, JANSEN);
      assertThat(byHerself.at("/data/closePatientList/events").toString())
          .isEqualTo("[\"PatientListClosed\"]");
      assertThat(
              clinic
                  .graphql(DIRECTORY, null)
                  .at("/data/listPractitionerDirectories/items")
                  .toString())
          .isEqualTo("[]");
    }
  }

  @Test
  void aViewForRolesRefusesOtherUsersAndAnonymousCallers() throws Exception {
    try (LocalLibrary clinic = LocalLibrary.start(folder, "clinic")) {
      String schedule = "{ getSchedule(appointmentId: \"a1\") { appointmentId } }";
      JsonNode patient =
          clinic.graphql(schedule, LocalLibrary.token("u-p", "pat", List.of("patient")));
      assertThat(patient.at("/errors/0/errorType").asString()).isEqualTo("UNAUTHORIZED");
      assertThat(clinic.graphql(schedule, null).at("/errors/0/errorType").asString())
          .isEqualTo("UNAUTHORIZED");
      JsonNode desk = clinic.graphql(schedule, RECEPTIONIST);
      assertThat(desk.path("errors").isMissingNode()).isTrue();
      assertThat(desk.at("/data/getSchedule").isNull()).isTrue();
    }
  }
}
