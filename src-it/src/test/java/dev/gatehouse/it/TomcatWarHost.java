package dev.gatehouse.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.loader.WebappClassLoaderBase;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** Embedded Tomcat 10.1 on 127.0.0.1, deploying one WAR file once per application. */
final class TomcatWarHost implements ProtectedApps {

  /** Initializers on the test class path that no WAR here asks for: Weld's, from the demo. */
  static final String TEST_CLASS_PATH_INITIALIZERS = "org\\.jboss\\.weld\\..*";

  private final Path war;
  private final Path baseDir;
  private final Tomcat tomcat = new Tomcat();

  TomcatWarHost(Path war) throws Exception {
    this.war = war;
    this.baseDir = Files.createTempDirectory("gatehouse-it-tomcat");
    Files.createDirectories(baseDir.resolve("webapps"));
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    // Only what the WAR declares: no default servlet or JSP support from conf/web.xml.
    tomcat.setAddDefaultWebXmlToWebapp(false);
    tomcat.getHost(); // the host must exist before start, or it is not the engine's default
    tomcat.start();
  }

  @Override
  public URI start(String name, Map<String, String> settings) throws Exception {
    Context[] context = new Context[1];
    DeploymentSettings.whileDeploying(
        settings,
        () ->
            context[0] =
                tomcat.addWebapp(tomcat.getHost(), "/" + name, war.toString(), new WarOnly()));
    if (context[0].getState() != LifecycleState.STARTED) {
      throw new IllegalStateException(
          "Tomcat did not start " + war.getFileName() + " at /" + name + " (see the log above)");
    }
    return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/" + name);
  }

  /**
   * Stops and removes the application at {@code /name}, as an undeploy or the first half of a
   * redeploy does. Tomcat then looks for what would keep the application's class loader alive.
   *
   * @return what Tomcat's class loader reported while stopping it (its leak warnings among them)
   */
  List<String> undeploy(String name) {
    Context context = (Context) tomcat.getHost().findChild("/" + name);
    if (context == null) {
      throw new IllegalArgumentException("no application at /" + name);
    }
    Logger loaderLog = Logger.getLogger(WebappClassLoaderBase.class.getName());
    List<String> reported = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            reported.add(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    loaderLog.addHandler(capture);
    try {
      tomcat.getHost().removeChild(context);
    } finally {
      loaderLog.removeHandler(capture);
    }
    return List.copyOf(reported);
  }

  /**
   * Tomcat's usual web-app configuration, minus what comes from the JVM class path (the test's own
   * jars, the demo's Weld among them): fragments and container initializers that a standalone
   * Tomcat would not see. The WARs run without CDI.
   */
  private static final class WarOnly extends ContextConfig {
    @Override
    public void lifecycleEvent(LifecycleEvent event) {
      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
          && event.getLifecycle() instanceof Context ctx
          && ctx.getJarScanner() instanceof StandardJarScanner scanner) {
        scanner.setScanClassPath(false);
        ctx.setContainerSciFilter(TEST_CLASS_PATH_INITIALIZERS);
      }
      super.lifecycleEvent(event);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      tomcat.stop();
      tomcat.destroy();
    } finally {
      deleteRecursively(baseDir);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
