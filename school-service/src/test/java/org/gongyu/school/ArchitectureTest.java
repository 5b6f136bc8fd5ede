package org.gongyu.school;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.gongyu.testing.ServiceArchitectureRules;

@AnalyzeClasses(packages = "org.gongyu.school", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests serviceRules = ArchTests.in(ServiceArchitectureRules.class);

  @ArchTest
  static final ArchRule recordFeaturesKnowIndicatorsOnlyThroughTheirApi =
      noClasses().that().resideInAPackage("org.gongyu.school.indicators..")
          .should().dependOnClassesThat().resideInAnyPackage("org.gongyu.school.registration..", "org.gongyu.school.classes..");
}
