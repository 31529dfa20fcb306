package dev.gatehouse.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/**
 * The catalogue passes against Gatehouse (the documented example runs it) and fails, case by case,
 * against an endpoint that does not verify tokens: it cannot pass by accident.
 */
class NegativeCatalogueTest {

  @RegisterExtension
  static final GatehouseTestExtension kit =
      GatehouseTestExtension.forAudience("https://api.example.com");

  @Test
  void whenTheEndpointIsNotProtectedThenEveryRefusalCaseFails(Tokens tokens) throws Exception {
    try (ProtectedApp open = ProtectedApp.unprotected()) {
      List<DynamicTest> cases =
          NegativeCatalogue.against(open.api(), tokens.valid().build())
              .withTokens(tokens)
              .tests()
              .toList();

      Map<String, Boolean> passed =
          cases.stream()
              .collect(
                  Collectors.toMap(DynamicTest::getDisplayName, NegativeCatalogueTest::passes));

      assertEquals(13, cases.size());
      assertEquals(true, passed.remove("the valid token is accepted"));
      assertEquals(List.of(false), passed.values().stream().distinct().toList(), passed.toString());
    }
  }

  @Test
  void whenTheValidTokenIsRefusedThenTheControlCaseFails(Tokens tokens) throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      DynamicTest control =
          NegativeCatalogue.against(app.api(), tokens.expired().build())
              .tests()
              .findFirst()
              .orElseThrow();

      assertEquals("the valid token is accepted", control.getDisplayName());
      assertEquals(false, passes(control));
    }
  }

  @Test
  void whenRunAgainstGatehouseWithoutTheProvidersTokensThenTheTenCasesPass(Tokens tokens)
      throws Exception {
    try (ProtectedApp app = ProtectedApp.withInitParams(kit.provider().settings())) {
      List<DynamicTest> cases =
          NegativeCatalogue.against(app.api(), tokens.valid().build()).tests().toList();

      assertEquals(10, cases.size());
      assertEquals(
          List.of(true), cases.stream().map(NegativeCatalogueTest::passes).distinct().toList());
    }
  }

  private static boolean passes(DynamicTest test) {
    try {
      test.getExecutable().execute();
      return true;
    } catch (AssertionFailedError e) {
      return false;
    } catch (Throwable e) {
      throw new IllegalStateException(test.getDisplayName() + " broke instead of failing", e);
    }
  }
}
