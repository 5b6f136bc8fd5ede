package org.gongyu.chassis;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The chassis's packages depend on each other one way only, so each can be read and changed alone. */
class ChassisArchitectureTest {

  static final JavaClasses CHASSIS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.gongyu.chassis");

  @Test
  void thePackagesOfTheChassisFormNoCycle() {
    slices().matching("org.gongyu.chassis.(*)..").should().beFreeOfCycles().check(CHASSIS);
  }
}
