package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/testing.md shows this package's example exactly as it compiles and runs here. */
class DocumentedExampleTest {

  @Test
  void whenTheExampleChangesThenDocsTestingShowsTheSameCode() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "testing.md"));
    for (String file : new String[] {"OrdersServlet.java", "OrdersApiTest.java"}) {
      String source = Files.readString(Path.of("src/test/java/com/example/orders", file));
      assertTrue(
          doc.contains("```java\n" + source + "```\n"),
          "docs/testing.md must show " + file + " as it is");
    }
  }
}
