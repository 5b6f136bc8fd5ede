package org.gongyu.district;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.gongyu.testing.ServiceArchitectureRules;

@AnalyzeClasses(packages = "org.gongyu.district", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests serviceRules = ArchTests.in(ServiceArchitectureRules.class);
}
