package dev.tracepaper.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.docs.Diagram.Edge;
import dev.tracepaper.docs.Diagram.Kind;
import dev.tracepaper.docs.Diagram.Node;
import dev.tracepaper.docs.Lifecycles.Lifecycle;
import dev.tracepaper.docs.Lifecycles.Move;
import dev.tracepaper.docs.Pages.AggregatePage;
import dev.tracepaper.docs.Pages.FlowEntry;
import dev.tracepaper.docs.Pages.Site;
import dev.tracepaper.docs.Pages.Term;
import dev.tracepaper.docs.Scenes.Line;
import dev.tracepaper.docs.Scenes.Scene;
import dev.tracepaper.model.ModelIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The site's data from the library example: what each page will say. */
class SiteBuilderTest {

  private static final ModelIndex LIBRARY = DocsModels.example("library");

  @Test
  void theOverviewGroupsAggregatesBySubdomain() {
    Site site = SiteBuilder.build(LIBRARY);

    assertThat(site.name()).isEqualTo("library");
    assertThat(site.description()).isEqualTo("Lending books to members");
    assertThat(site.subdomains().stream().map(Pages.Subdomain::name).toList())
        .containsExactly("Catalog", "Lending")
        .inOrder();
    assertThat(site.subdomains().get(0).aggregates().get(0).name()).isEqualTo("Book");
    assertThat(site.views().stream().map(Pages.ViewEntry::name).toList())
        .containsExactly("BookAvailability", "MemberLoans");
  }

  @Test
  void theOverviewSaysWhatStartsEachAutomationAndWhatItReaches() {
    Site site = SiteBuilder.build(LIBRARY);

    Pages.AutomationEntry reorder =
        site.automations().stream()
            .filter(a -> a.name().equals("ReportLostBookToSupplier"))
            .findFirst()
            .orElseThrow();
    assertThat(reorder.trigger()).isEqualTo("when Membership.LoanReportedLost is recorded");
    assertThat(reorder.sideEffects())
        .containsExactly(
            "secret supplierToken from Secrets Manager `library/supplier-token`",
            "http POST 'https://supplier.example/api/orders'")
        .inOrder();
    assertThat(site.automations().get(2).trigger())
        .isEqualTo("on the schedule cron(0 9 ? * MON *) (Europe/Amsterdam)");
  }

  @Test
  void theMapShowsWhichAggregatesEventsStartWhichAndTheViewsEachFeeds() {
    Diagram map = ContextMap.of(LIBRARY);

    assertThat(map.edges())
        .containsExactly(
            new Edge("aggregate:Membership", "aggregate:Book", "LoanReportedLost"),
            new Edge("aggregate:Book", "view:BookAvailability", ""),
            new Edge("aggregate:Book", "view:MemberLoans", ""));
    assertThat(map.nodeById("aggregate:Membership").column()).isEqualTo(0);
    assertThat(map.nodeById("aggregate:Book").column()).isEqualTo(1);
    assertThat(map.nodeById("view:MemberLoans").column()).isEqualTo(2);
    assertThat(map.nodeById("aggregate:Book").href()).isEqualTo("aggregates/Book.html");
  }

  @Test
  void theSameModelGivesTheSameSiteByteForByte() throws Exception {
    ModelIndex clinic = DocsModels.example("clinic");

    var first = new DocsSite().render(clinic);
    var second = new DocsSite().render(DocsModels.example("clinic"));

    assertThat(second).isEqualTo(first);
    assertThat(first.files().stream().map(f -> f.relativePath()).toList())
        .containsAtLeast(
            "index.html", "aggregates/Invoice.html", "mermaid/Invoice.md", "style.css");
  }

  @Test
  void theFlowOfBookRunsFromOtherAggregatesEventsThroughItsEventsToTheViews() {
    Diagram flow = FlowDiagrams.of(LIBRARY, LIBRARY.aggregate("Book").orElseThrow());

    assertThat(labels(flow, Kind.EXTERNAL)).containsExactly("Membership.LoanReportedLost");
    assertThat(labels(flow, Kind.COMMAND))
        .containsExactly("RegisterBook", "LendBook", "ReturnBook");
    assertThat(labels(flow, Kind.POLICY)).containsExactly("WithdrawWhenLost");
    assertThat(labels(flow, Kind.VIEW)).containsExactly("BookAvailability", "MemberLoans");
    assertThat(flow.edges())
        .containsAtLeast(
            new Edge("trigger:Membership.LoanReportedLost", "policy:Book.WithdrawWhenLost", ""),
            new Edge("policy:Book.WithdrawWhenLost", "aggregate", ""),
            new Edge("aggregate", "event:BookLent", ""),
            new Edge("event:BookLent", "view:MemberLoans", ""));
    assertThat(flow.nodeById("event:CopyAdded").label()).isEqualTo("CopyAdded (retired)");
  }

  @Test
  void theFlowOfMembershipShowsThePolicyOfBookThatItsEventStarts() {
    Diagram flow = FlowDiagrams.of(LIBRARY, LIBRARY.aggregate("Membership").orElseThrow());

    Node policy = flow.nodeById("policy:Book.WithdrawWhenLost");
    assertThat(policy.label()).isEqualTo("Book.WithdrawWhenLost");
    assertThat(policy.href()).isEqualTo("Book.html#policy-WithdrawWhenLost");
    assertThat(flow.nodeById("changed:Book").kind()).isEqualTo(Kind.EXTERNAL);
    assertThat(flow.edges())
        .containsAtLeast(
            new Edge("event:LoanReportedLost", "policy:Book.WithdrawWhenLost", ""),
            new Edge("policy:Book.WithdrawWhenLost", "changed:Book", ""));
  }

  @Test
  void theLifecycleOfAStatusFollowsTheEventsThatSetItAndTheRulesThatGuardThem() {
    List<Lifecycle> book = Lifecycles.of(LIBRARY, LIBRARY.aggregate("Book").orElseThrow());
    List<Lifecycle> member = Lifecycles.of(LIBRARY, LIBRARY.aggregate("Membership").orElseThrow());

    assertThat(book).hasSize(1);
    assertThat(book.get(0).field()).isEqualTo("status");
    assertThat(book.get(0).moves())
        .containsExactly(
            new Move("BookRegistered", List.of("(new)"), "AVAILABLE"),
            new Move("BookWithdrawn", List.of("(any state)"), "WITHDRAWN"))
        .inOrder();
    assertThat(member.get(0).moves())
        .containsExactly(
            new Move("MemberJoined", List.of("(new)"), "ACTIVE"),
            new Move("MembershipCancelled", List.of("(any state)"), "(ended)"))
        .inOrder();
  }

  @Test
  void aRuleOnTheStatusNamesTheStatesAnEventLeavesFrom() throws Exception {
    ModelIndex index =
        DocsModels.written(
            java.nio.file.Files.createTempDirectory("docs-lifecycle"),
            """
            tracepaper: 1
            app: {name: shop, package: com.example.shop}
            enums:
              OrderStatus: [OPEN, PAID, SHIPPED]
            aggregates:
              Order:
                key: orderId
                fields: {orderId: String, status: OrderStatus}
                events:
                  OrderPlaced: {fields: {orderId: String}, apply: {status: "'OPEN'"}}
                  OrderPaid: {fields: {orderId: String}, apply: {status: "'PAID'"}}
                  OrderShipped: {fields: {orderId: String}, apply: {status: "'SHIPPED'"}}
                commands:
                  PlaceOrder: {creates: true, fields: {orderId: String}, emits: [OrderPlaced]}
                  PayOrder:
                    fields: {orderId: String}
                    rules: [{require: "state.status == 'OPEN'", code: NOT_OPEN, message: Paid already}]
                    emits: [OrderPaid]
                  ShipOrder:
                    fields: {orderId: String}
                    rules: [{require: "state.status in ['PAID']", code: NOT_PAID, message: Not paid}]
                    emits: [OrderShipped]
            """);

    Lifecycle lifecycle = Lifecycles.of(index, index.aggregate("Order").orElseThrow()).get(0);

    assertThat(lifecycle.moves())
        .containsExactly(
            new Move("OrderPlaced", List.of("(new)"), "OPEN"),
            new Move("OrderPaid", List.of("OPEN"), "PAID"),
            new Move("OrderShipped", List.of("PAID"), "SHIPPED"))
        .inOrder();
    Diagram diagram = lifecycle.diagram();
    assertThat(diagram.nodeById("OPEN").column()).isEqualTo(1);
    assertThat(diagram.nodeById("PAID").column()).isEqualTo(2);
    assertThat(diagram.nodeById("SHIPPED").column()).isEqualTo(3);
  }

  @Test
  void aStatusNoEventSetsHasNoLifecycleEvenWhenAnEventEndsTheInstance() throws Exception {
    ModelIndex index =
        DocsModels.written(
            java.nio.file.Files.createTempDirectory("docs-lifecycle"),
            """
            tracepaper: 1
            app: {name: shop, package: com.example.shop}
            enums:
              Size: [SMALL, LARGE]
            aggregates:
              Parcel:
                key: parcelId
                fields: {parcelId: String, size: Size}
                events:
                  ParcelSent: {fields: {parcelId: String, size: Size}, apply: {size: event.size}}
                  ParcelLost: {fields: {parcelId: String}, apply: {deleted: true}}
                commands:
                  SendParcel: {creates: true, fields: {parcelId: String, size: Size}, emits: [ParcelSent]}
                  LoseParcel: {fields: {parcelId: String}, emits: [ParcelLost]}
            """);

    assertThat(Lifecycles.of(index, index.aggregate("Parcel").orElseThrow())).isEmpty();
  }

  @Test
  void testsReadAsGivenWhenThenWithTheMessageOfARefusal() {
    AggregatePage book = page("Book");
    FlowEntry lend =
        book.commands().stream().filter(c -> c.name().equals("LendBook")).findFirst().orElseThrow();
    Scene refused =
        lend.tests().stream()
            .filter(s -> s.name().equals("refuses when no copy is left"))
            .findFirst()
            .orElseThrow();

    assertThat(refused.lines())
        .containsExactly(
            new Line(
                "Given", "BookRegistered happened with isbn 9780441013593, title Dune, copies 1"),
            new Line(
                "And",
                "BookLent happened with isbn 9780441013593, loanId l1, memberId m1, due 2026-12-01"),
            new Line("When", "LendBook is sent with isbn 9780441013593, memberId m2"),
            new Line(
                "Then",
                "it is refused with NO_COPIES_LEFT: “No copies of this book are available”"))
        .inOrder();
    assertThat(refused.location()).matches(".*catalog\\.yaml:\\d+:\\d+");
    assertThat(lend.rules().get(1).code()).isEqualTo("NO_COPIES_LEFT");
    assertThat(lend.auth()).isEqualTo("role librarian");
  }

  @Test
  void aTestRunAtAMomentSaysWhen() {
    AggregatePage appointment =
        SiteBuilder.build(DocsModels.example("clinic")).aggregates().stream()
            .filter(a -> a.name().equals("Appointment"))
            .findFirst()
            .orElseThrow();
    Scene early =
        appointment.commands().stream()
            .filter(c -> c.name().equals("CheckInPatient"))
            .flatMap(c -> c.tests().stream())
            .filter(s -> s.name().equals("checks a patient in half an hour early"))
            .findFirst()
            .orElseThrow();

    assertThat(early.lines())
        .contains(
            new Line(
                "When", "CheckInPatient is sent at 2030-03-01T08:30:00Z with appointmentId a1"));
  }

  @Test
  void aScenarioStepRunAtAMomentSaysWhen() {
    Scene onboarding = SiteBuilder.build(DocsModels.example("projects")).scenarios().get(0);

    assertThat(onboarding.lines().stream().map(Line::text).toList())
        .contains(
            "A second earlier, it is: Send AcceptInvitation as ada at 2099-12-01T09:29:59Z with"
                + " invitationId ${invitationId}, code open-sesame; expect events"
                + " [InvitationAccepted]");
  }

  @Test
  void theStateListsItsFieldsAndEntitiesWithLinksToTheirTypes() {
    AggregatePage book = page("Book");

    Pages.FieldRow loans =
        book.fields().stream().filter(f -> f.name().equals("loans")).findFirst().orElseThrow();
    Pages.FieldRow status =
        book.fields().stream().filter(f -> f.name().equals("status")).findFirst().orElseThrow();
    assertThat(loans.type()).isEqualTo("[Loan]");
    assertThat(loans.typeHref()).isEqualTo("../aggregates/Book.html#entity-Loan");
    assertThat(loans.rules()).isEqualTo("identified by loanId");
    assertThat(status.typeHref()).isEqualTo("../glossary.html#term-BookStatus");
    assertThat(book.entities()).hasSize(1);
    assertThat(book.entities().get(0).fields().stream().map(Pages.FieldRow::name).toList())
        .containsExactly("loanId", "memberId", "due")
        .inOrder();
  }

  @Test
  void theGlossaryHasTheDescriptionsAndEveryEnumAndType() {
    List<Term> glossary = SiteBuilder.build(LIBRARY).glossary();

    assertThat(glossary)
        .contains(
            new Term(
                "abstract",
                "field of the command RegisterBook",
                "What the book is about",
                "aggregates/Book.html#command-RegisterBook"));
    assertThat(glossary)
        .contains(new Term("BookStatus", "enum", "One of AVAILABLE, WITHDRAWN", ""));
    assertThat(glossary.stream().map(Term::term).toList())
        .containsAtLeast("AddressV1", "BookStatus", "MembershipStatus")
        .inOrder();
  }

  @Test
  void mermaidQuotesEveryLabelAndColoursEachKind() {
    Diagram diagram = new Diagram("d");
    diagram.node("a", "Say \"hi\" #1", Kind.COMMAND, 0, "");
    diagram.node("b", "Order", Kind.AGGREGATE, 1, "");
    diagram.edge("a", "b", "on <x>");

    String mermaid = MermaidDiagram.render(diagram);

    assertThat(mermaid).startsWith("flowchart LR\n");
    assertThat(mermaid).contains("n0[\"Say #quot;hi#quot; #35;1\"]:::command");
    assertThat(mermaid).contains("n0 -- \"on #lt;x#gt;\" --> n1");
    assertThat(mermaid).contains("classDef aggregate fill:" + Kind.AGGREGATE.fill());
    assertThat(mermaid).doesNotContain("classDef view");
  }

  private static List<String> labels(Diagram diagram, Kind kind) {
    return diagram.nodes().stream().filter(n -> n.kind() == kind).map(Node::label).toList();
  }

  private static AggregatePage page(String name) {
    return SiteBuilder.build(LIBRARY).aggregates().stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
