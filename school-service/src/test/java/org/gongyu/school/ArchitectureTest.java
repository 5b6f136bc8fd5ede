package org.gongyu.school;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.gongyu.school", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresDoNotDependOnEachOtherInCycles =
      slices().matching("org.gongyu.school.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule controllersNeverReturnEventRecords =
      methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
          .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
              "an event record", (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.gongyu.contracts")));

  @ArchTest
  static final ArchRule onlyTheOutboxPublishes =
      noClasses().that().resideInAPackage("org.gongyu.school..")
          .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate");

  @ArchTest
  static final ArchRule recordFeaturesKnowIndicatorsOnlyThroughTheirApi =
      noClasses().that().resideInAPackage("org.gongyu.school.indicators..")
          .should().dependOnClassesThat().resideInAnyPackage("org.gongyu.school.registration..", "org.gongyu.school.classes..");
}
