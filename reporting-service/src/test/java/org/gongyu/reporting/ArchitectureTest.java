package org.gongyu.reporting;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.testing.ServiceArchitectureRules;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.gongyu.reporting");

  @Test
  void keepsTheRulesEveryServiceKeeps() {
    ServiceArchitectureRules.all().forEach(rule -> rule.check(MAIN));
  }

  @Test
  void controllerRuleCatchesRowsAndEventRecordsHiddenInResponses() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyController.class, LeakyView.class);

    EvaluationResult result = ServiceArchitectureRules.CONTROLLERS_RETURN_ONLY_WEB_RECORDS.evaluate(leaky);

    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("rows()").contains(CountyRow.class.getName()))
        .anySatisfy(d -> assertThat(d).contains("view()").contains(IndicatorSnapshotPublished.class.getName()));
  }

  @Test
  void reportingPublishesNothing() {
    noClasses()
        .should().dependOnClassesThat().areAssignableTo(Outbox.class)
        .orShould().dependOnClassesThat().areAssignableTo(KafkaOperations.class)
        .orShould().dependOnClassesThat().areAssignableTo(org.apache.kafka.clients.producer.Producer.class)
        .because("reporting-service only reads what the tiers published")
        .check(MAIN);
  }

  @Test
  void webEdgeReadsThroughRepositoriesNeverJdbc() {
    noClasses().that().resideInAnyPackage(WEB_FEATURES)
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
        .check(MAIN);
  }

  /**
   * The read models (what each tier published) know nothing of each other nor of the web features
   * that read them; each only says which scopes of the read model it changed (stamps).
   */
  @Test
  void readModelFeaturesAreIndependentOfEachOther() {
    slices().matching("org.gongyu.reporting.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(resideInAnyPackage(WEB_FEATURES), alwaysTrue())
        .ignoreDependency(alwaysTrue(), resideInAnyPackage("org.gongyu.reporting.stamps.."))
        .check(MAIN);
  }

  /** The stamps know no feature: every feature may tell them what it changed. */
  @Test
  void stampsDependOnNoFeature() {
    noClasses().that().resideInAPackage("org.gongyu.reporting.stamps..")
        .should().dependOnClassesThat().resideInAnyPackage("org.gongyu.reporting.(*)..")
        .check(MAIN);
  }

  /** The exports render what the JSON endpoints answer: they reach the read models only through the report services. */
  @Test
  void exportsReadOnlyThroughTheReportServices() {
    noClasses().that().resideInAPackage("org.gongyu.reporting.export..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.gongyu.reporting.figures..", "org.gongyu.reporting.orgunits..", "org.gongyu.reporting.catalogue..",
            "org.springframework.jdbc..", "java.sql..")
        .check(MAIN);
  }

  private static final String[] WEB_FEATURES = {
      "org.gongyu.reporting.report..", "org.gongyu.reporting.units..", "org.gongyu.reporting.calendar..",
      "org.gongyu.reporting.export.."};

  // ---- a controller that breaks the rule, to show the rule can fail

  @RestController
  static class LeakyController {
    @GetMapping("/rows")
    ResponseEntity<List<CountyRow>> rows() {
      return ResponseEntity.ok(List.of());
    }

    @GetMapping("/view")
    LeakyView view() {
      return new LeakyView("x", List.of());
    }
  }

  record LeakyView(String id, List<IndicatorSnapshotPublished> snapshots) {}
}
