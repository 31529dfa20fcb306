package dev.gatehouse.it;

import dev.gatehouse.GatehouseFilter;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * {@link DispatchApp} in embedded Tomcat 10.1 on 127.0.0.1, declared as web.xml would declare it: a
 * filter definition with init-params and a mapping with one {@code <dispatcher>} per type.
 */
final class TomcatDispatchApp implements DispatchApp {

  private Tomcat tomcat;
  private Path baseDir;

  @Override
  public URI start(Set<DispatcherType> filterDispatch, Map<String, String> settings)
      throws Exception {
    baseDir = Files.createTempDirectory("gatehouse-it-dispatch");
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext(CONTEXT, baseDir.toString());

    FilterDef filter = new FilterDef();
    filter.setFilterName("gatehouse");
    filter.setFilterClass(GatehouseFilter.class.getName());
    filter.setAsyncSupported("true");
    settings.forEach(filter::addInitParameter);
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("gatehouse");
    mapping.addURLPattern("/*");
    filterDispatch.forEach(type -> mapping.setDispatcher(type.name()));
    context.addFilterMap(mapping);

    Tomcat.addServlet(context, "missing", new Missing());
    context.addServletMappingDecoded("/api/missing", "missing");
    Wrapper async = Tomcat.addServlet(context, "async", new Async());
    async.setAsyncSupported(true);
    context.addServletMappingDecoded("/api/async", "async");
    Tomcat.addServlet(context, "seen", new Seen());
    context.addServletMappingDecoded("/error", "seen");
    ErrorPage notFound = new ErrorPage();
    notFound.setErrorCode(404);
    notFound.setLocation("/error");
    context.addErrorPage(notFound);

    tomcat.start();
    return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + CONTEXT);
  }

  @Override
  public void close() throws Exception {
    if (tomcat == null) {
      return;
    }
    try {
      tomcat.stop();
      tomcat.destroy();
    } finally {
      try (Stream<Path> paths = Files.walk(baseDir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // a temporary directory left behind is not a test failure
      }
    }
  }
}
