package dev.gatehouse.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public API is what docs/api.md lists, and nothing in it hands out the machinery: every public
 * type outside {@code dev.gatehouse.internal} has its line in the document, and no public or
 * protected member of such a type names a jose4j type or an internal one.
 */
class PublicApiTest {

  private static final String INTERNAL = "dev.gatehouse.internal.";
  private static final Pattern PACKAGE_HEADING = Pattern.compile("^### `(dev\\.gatehouse[\\w.]*)`");
  private static final Pattern TYPE_LINE = Pattern.compile("^- `(\\w+)`");

  private static final List<JavaClass> MAIN_CLASSES =
      new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("dev.gatehouse")
              .stream()
              .toList();

  @Test
  void theDocumentListsExactlyThePublicTypesOutsideInternal() throws IOException {
    Set<String> inCode =
        MAIN_CLASSES.stream()
            .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
            .map(JavaClass::getName)
            .filter(name -> !name.startsWith(INTERNAL))
            .collect(Collectors.toCollection(TreeSet::new));

    Set<String> inDocument = documentedTypes();

    assertFalse(inDocument.isEmpty(), "docs/api.md lists no type under a '### `package`' heading");
    assertEquals(
        inDocument,
        inCode,
        "public types outside dev.gatehouse.internal must be exactly those of docs/api.md");
  }

  @Test
  void noPublicSignatureOfAnApiTypeNamesJose4jOrInternalTypes() throws ClassNotFoundException {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : MAIN_CLASSES) {
      Class<?> type = Class.forName(c.getName(), false, getClass().getClassLoader());
      if (isApi(type)) {
        leaks.addAll(leaksOf(type));
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void theLeakCheckSeesATypeHiddenInAGenericArgument() {
    // The check itself: a field of type List<Verdict> (internal) must be caught.
    assertEquals(List.of("Sample.hidden"), leaksOf(Sample.class));
  }

  /** Stands in for an API type that lets an internal one slip out through a generic field. */
  static class Sample {
    public List<? extends dev.gatehouse.internal.lean.Verdict> hidden;
    public List<String> fine;
  }

  /** An API type: public, reachable by name from outside, outside the internal packages. */
  private static boolean isApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return !type.getName().startsWith(INTERNAL) && !type.isSynthetic();
  }

  private static List<String> leaksOf(Class<?> type) {
    List<String> leaks = new ArrayList<>();
    String owner = type.getSimpleName();
    check(owner + " extends", type.getGenericSuperclass(), leaks);
    for (Type i : type.getGenericInterfaces()) {
      check(owner + " implements", i, leaks);
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        check(owner + "." + f.getName(), f.getGenericType(), leaks);
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        check(owner + "." + m.getName() + "()", m.getGenericReturnType(), leaks);
        checkExecutable(owner + "." + m.getName() + "()", m, leaks);
      }
    }
    for (Constructor<?> k : type.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        checkExecutable(owner + "()", k, leaks);
      }
    }
    return leaks;
  }

  private static void checkExecutable(String where, Executable e, List<String> leaks) {
    for (Type p : e.getGenericParameterTypes()) {
      check(where, p, leaks);
    }
    for (Type x : e.getGenericExceptionTypes()) {
      check(where, x, leaks);
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(String where, Type type, List<String> leaks) {
    for (Class<?> c : mentioned(type, new ArrayList<>())) {
      String name = c.getName();
      if ((name.startsWith("org.jose4j.") || name.startsWith(INTERNAL)) && !leaks.contains(where)) {
        leaks.add(where);
      }
    }
  }

  /** Every class a generic type names: raw types, arguments, bounds, array components. */
  private static List<Class<?>> mentioned(Type type, List<Type> seen) {
    List<Class<?>> out = new ArrayList<>();
    if (type == null || seen.contains(type)) {
      return out;
    }
    seen.add(type);
    if (type instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (type instanceof ParameterizedType p) {
      out.addAll(mentioned(p.getRawType(), seen));
      for (Type a : p.getActualTypeArguments()) {
        out.addAll(mentioned(a, seen));
      }
    } else if (type instanceof GenericArrayType g) {
      out.addAll(mentioned(g.getGenericComponentType(), seen));
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        out.addAll(mentioned(b, seen));
      }
      for (Type b : w.getLowerBounds()) {
        out.addAll(mentioned(b, seen));
      }
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        out.addAll(mentioned(b, seen));
      }
    }
    return out;
  }

  /** The types of docs/api.md: each "- `Type`" line under a "### `package`" heading. */
  private static Set<String> documentedTypes() throws IOException {
    Set<String> types = new TreeSet<>();
    String pkg = null;
    for (String line : Files.readAllLines(apiDocument())) {
      Matcher heading = PACKAGE_HEADING.matcher(line);
      if (heading.find()) {
        pkg = heading.group(1);
      } else if (line.startsWith("## ")) {
        pkg = null;
      } else if (pkg != null) {
        Matcher typeLine = TYPE_LINE.matcher(line);
        if (typeLine.find()) {
          types.add(pkg + "." + typeLine.group(1));
        }
      }
    }
    return types;
  }

  private static Path apiDocument() {
    String basedir = System.getProperty("basedir");
    Path module =
        basedir == null || basedir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(basedir);
    return module.resolve("../docs/api.md").normalize();
  }
}
