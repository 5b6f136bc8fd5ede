package org.gongyu.district;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.gongyu.district", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule controllersReturnOnlyResponseRecords =
      methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
          .should(returnNeitherEventsNorRows());

  @ArchTest
  static final ArchRule featuresDoNotDependOnEachOtherInCycles =
      slices().matching("org.gongyu.district.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalPackagesStayInsideTheirFeature =
      classes().that().resideInAPackage("org.gongyu.district.(*).internal..")
          .should(onlyBeUsedInsideTheirFeature())
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule eventsArePublishedOnlyThroughTheOutbox =
      noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
          .because("domain events go through the transactional outbox");

  @ArchTest
  static final ArchRule timeComesFromTheClock =
      noClasses().should().callMethod(java.time.Instant.class, "now")
          .orShould().callMethod(java.time.LocalDate.class, "now")
          .orShould().callMethod(java.time.LocalDateTime.class, "now")
          .because("the injected Clock is the only source of time");

  private static ArchCondition<JavaMethod> returnNeitherEventsNorRows() {
    return new ArchCondition<>("return neither contracts types nor JDBC row types") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
          boolean contracts = type.getPackageName().startsWith("org.gongyu.contracts");
          boolean row = type.getSimpleName().endsWith("Row");
          if (contracts || row) {
            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns " + type.getName()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> onlyBeUsedInsideTheirFeature() {
    return new ArchCondition<>("only be used inside their own feature") {
      @Override
      public void check(JavaClass internal, ConditionEvents events) {
        String feature = internal.getPackageName().substring(0, internal.getPackageName().indexOf(".internal"));
        internal.getDirectDependenciesToSelf().forEach(d -> {
          String from = d.getOriginClass().getPackageName();
          if (!from.equals(feature) && !from.startsWith(feature + ".")) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        });
      }
    };
  }
}
