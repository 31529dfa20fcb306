package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} honest: every key Gatehouse reads ({@link ConfigKey}, the
 * browser login's included) has a row in the reference table, written
 *
 * <pre>| `gatehouse.some-key` | `GATEHOUSE_SOME_KEY` | default | meaning |</pre>
 *
 * and every MicroProfile JWT alias appears in the MicroProfile JWT table next to its Gatehouse key.
 * Adding a key to the enum without documenting it fails this test.
 */
class ConfigurationReferenceTest {

  /**
   * A reference row: the key and its environment variable, each in backticks, as the first two
   * cells.
   */
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`(gatehouse\\.[^`]+)`\\s*\\|\\s*`([^`]*)`\\s*\\|");

  private static List<String> lines;
  private static Map<String, String> rows;

  @BeforeAll
  static void readReference() throws IOException {
    Path file = moduleDir().resolve("../docs/configuration.md").normalize();
    assertTrue(Files.isRegularFile(file), "missing " + file);
    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    rows = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.put(m.group(1), m.group(2));
      }
    }
  }

  /** Surefire runs with {@code basedir} = the module directory ({@code filter-core}). */
  private static Path moduleDir() {
    String basedir = System.getProperty("basedir");
    return basedir == null || basedir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(basedir);
  }

  @Nested
  class FilterKeys {

    @Test
    void everyConfigKeyHasARowWithItsEnvironmentVariable() {
      List<String> problems = new ArrayList<>();
      for (ConfigKey key : ConfigKey.values()) {
        check(key.property(), key.environmentVariable(), problems);
      }
      assertEquals(List.of(), problems, "docs/configuration.md, table 'Every key'");
    }

    @Test
    void everyMicroProfileAliasIsMappedToItsKey() {
      List<String> problems = new ArrayList<>();
      for (ConfigKey key : ConfigKey.values()) {
        key.microProfileAlias()
            .filter(
                alias ->
                    lines.stream()
                        .noneMatch(
                            line ->
                                line.startsWith("| `" + alias + "`")
                                    && line.contains("`" + key.property() + "`")))
            .ifPresent(
                alias ->
                    problems.add(
                        "no MicroProfile JWT row '| `"
                            + alias
                            + "` | ... `"
                            + key.property()
                            + "` ...'"));
      }
      assertEquals(List.of(), problems, "docs/configuration.md, MicroProfile JWT table");
    }
  }

  @Nested
  class EveryRow {

    /** Also catches a typo in a row added by hand for a key this test does not know. */
    @Test
    void whenARowNamesAPlainKeyThenItsEnvironmentVariableIsTheMicroProfileForm() {
      List<String> problems = new ArrayList<>();
      rows.forEach(
          (key, env) -> {
            if (!key.contains("<") && !env.equals(environmentForm(key))) {
              problems.add(
                  key
                      + ": environment variable is `"
                      + env
                      + "`, expected `"
                      + environmentForm(key)
                      + "`");
            }
          });
      assertEquals(List.of(), problems);
    }

    @Test
    void theEnvironmentFormIsTheOneConfigKeyUses() {
      for (ConfigKey key : ConfigKey.values()) {
        assertEquals(key.environmentVariable(), environmentForm(key.property()));
      }
    }
  }

  private static void check(String property, String environment, List<String> problems) {
    String documented = rows.get(property);
    if (documented == null) {
      problems.add("no row '| `" + property + "` | `" + environment + "` | default | meaning |'");
    } else if (!documented.equals(environment)) {
      problems.add(
          property
              + ": environment variable is `"
              + documented
              + "`, expected `"
              + environment
              + "`");
    }
  }

  /** MicroProfile Config's mapping: upper case, every character but a letter or digit becomes _. */
  private static String environmentForm(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
