package dev.gatehouse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The package order of docs/architecture.md, enforced: a package uses only packages below it in the
 * pipeline, and no two packages use each other. Main classes only; tests may reach anywhere.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {

  /**
   * Bottom first; the same list as the packages table of docs/architecture.md. A public package
   * comes before the internal one that does its work, so that the API never needs the machinery.
   */
  static final List<String> LAYERS =
      List.of(
          "error",
          "internal.challenge",
          "config",
          "internal.time",
          "store",
          "internal.config",
          "token",
          "internal.extract",
          "metrics",
          "internal.metrics",
          "outbound",
          "internal.outbound",
          "discovery",
          "internal.discovery",
          "internal.wiring",
          "internal.lean",
          "internal.sender",
          "sender",
          "internal.store",
          "verify",
          "internal.decrypt",
          "internal.verify",
          "introspection",
          "internal.introspection",
          "authz",
          "internal.signals",
          "signals",
          "",
          "login",
          "cdi");

  /** One slice per package, so that an internal package is not lumped with its neighbours. */
  @ArchTest
  static final ArchRule noCycleBetweenPackages =
      slices().matching("dev.gatehouse.(**)").should().beFreeOfCycles();

  @ArchTest static final ArchRule noPackageUsesOneAboveIt = layered();

  /**
   * The public packages the machinery reads never read the machinery back: the public surface
   * stands on its own (docs/architecture.md).
   */
  @ArchTest
  static final ArchRule publicPackagesBelowTheMachineryUseNoInternalOne =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.gatehouse.error..",
              "dev.gatehouse.config..",
              "dev.gatehouse.store..",
              "dev.gatehouse.token..",
              "dev.gatehouse.outbound..",
              "dev.gatehouse.discovery..",
              "dev.gatehouse.verify..",
              "dev.gatehouse.metrics..",
              "dev.gatehouse.introspection..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.gatehouse.internal..");

  private static LayeredArchitecture layered() {
    LayeredArchitecture rule =
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String layer : LAYERS) {
      rule = rule.layer(name(layer)).definedBy(packageOf(layer));
    }
    for (int i = 0; i < LAYERS.size(); i++) {
      List<String> above = LAYERS.subList(i + 1, LAYERS.size());
      if (above.isEmpty()) {
        rule = rule.whereLayer(name(LAYERS.get(i))).mayNotBeAccessedByAnyLayer();
      } else {
        rule =
            rule.whereLayer(name(LAYERS.get(i)))
                .mayOnlyBeAccessedByLayers(
                    above.stream().map(PackageLayersTest::name).toArray(String[]::new));
      }
    }
    return rule;
  }

  private static String name(String layer) {
    return layer.isEmpty() ? "root" : layer;
  }

  /** The root package alone is the top of the bearer filter; the others include their children. */
  private static String packageOf(String layer) {
    return layer.isEmpty() ? "dev.gatehouse" : "dev.gatehouse." + layer + "..";
  }
}
