package org.gongyu.reporting;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.reporting.orgunits.CountyRow;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.gongyu.reporting");

  /**
   * Everything a controller method returns, followed through generic arguments and the fields of
   * our own records, must be a web-edge type: no event record from contracts, no JDBC row.
   */
  static final ArchRule CONTROLLERS_RETURN_ONLY_WEB_RECORDS = methods()
      .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
      .should(exposeNoContractOrRowTypes())
      .because("the API is a contract of its own; event and row shapes must be able to change without breaking it");

  @Test
  void controllersReturnOnlyWebRecords() {
    CONTROLLERS_RETURN_ONLY_WEB_RECORDS.check(MAIN);
  }

  @Test
  void controllerRuleCatchesRowsAndEventRecordsHiddenInResponses() {
    JavaClasses leaky = new ClassFileImporter().importClasses(LeakyController.class, LeakyView.class);

    EvaluationResult result = CONTROLLERS_RETURN_ONLY_WEB_RECORDS.evaluate(leaky);

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
  void everyListenerRecordsConsumedEventsInItsOwnTransaction() {
    methods().that().areAnnotatedWith(KafkaListener.class)
        .should().beAnnotatedWith(Transactional.class)
        .check(MAIN);
    classes().that().containAnyMethodsThat(annotatedWith(KafkaListener.class))
        .should().dependOnClassesThat().areAssignableTo(Inbox.class)
        .check(MAIN);
  }

  @Test
  void webEdgeReadsThroughRepositoriesNeverJdbc() {
    noClasses().that().resideInAPackage("org.gongyu.reporting.report..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
        .check(MAIN);
  }

  @Test
  void readModelFeaturesAreIndependentOfEachOther() {
    slices().matching("org.gongyu.reporting.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(resideInAPackage("org.gongyu.reporting.report.."), alwaysTrue())
        .check(MAIN);
  }

  // ---- the condition

  private static ArchCondition<JavaMethod> exposeNoContractOrRowTypes() {
    return new ArchCondition<>("expose no contracts or JDBC row types") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Set<JavaClass> reachable = new LinkedHashSet<>();
        collect(method.getReturnType(), reachable);
        for (JavaClass c : reachable) {
          if (c.getPackageName().startsWith("org.gongyu.contracts") || isRowType(c)) {
            events.add(SimpleConditionEvent.violated(
                method, method.getFullName() + " exposes " + c.getName()));
          }
        }
      }
    };
  }

  private static void collect(JavaType type, Set<JavaClass> reachable) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass c = raw.isArray() ? raw.getBaseComponentType() : raw;
      if (reachable.add(c) && c.getPackageName().startsWith("org.gongyu.reporting")) {
        for (JavaField f : c.getFields()) {
          if (!f.getModifiers().contains(JavaModifier.STATIC)) {
            collect(f.getType(), reachable);
          }
        }
      }
    }
  }

  private static boolean isRowType(JavaClass c) {
    return c.getSimpleName().endsWith("Row")
        || c.getPackageName().startsWith("org.springframework.jdbc")
        || c.getPackageName().startsWith("java.sql");
  }

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
