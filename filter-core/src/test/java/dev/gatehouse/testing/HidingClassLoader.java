package dev.gatehouse.testing;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An application's class loader without some optional library: Gatehouse's own classes (main and
 * test) are loaded here, child-first, so the test can see which ones were loaded; the hidden
 * packages are refused, and each name asked for is remembered; everything else (Jetty, jose4j, the
 * servlet API) comes from the class path.
 */
public final class HidingClassLoader extends URLClassLoader {

  private final List<String> hidden;
  private final Set<String> loaded = ConcurrentHashMap.newKeySet();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  /**
   * @param hiddenPrefixes package prefixes that do not exist for this loader, e.g. {@code
   *     "io.micrometer."}
   * @param sources classes whose code locations (main and test output) hold Gatehouse's classes
   */
  public HidingClassLoader(List<String> hiddenPrefixes, Class<?>... sources) {
    super(locations(sources), HidingClassLoader.class.getClassLoader());
    this.hidden = List.copyOf(hiddenPrefixes);
  }

  private static URL[] locations(Class<?>[] sources) {
    URL[] urls = new URL[sources.length];
    for (int i = 0; i < sources.length; i++) {
      urls[i] = sources[i].getProtectionDomain().getCodeSource().getLocation();
    }
    return urls;
  }

  /** Gatehouse classes this loader defined. */
  public Set<String> loaded() {
    return Set.copyOf(loaded);
  }

  /** Names of the hidden packages that something asked for. */
  public Set<String> refused() {
    return Set.copyOf(refused);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (hidden.stream().anyMatch(name::startsWith)) {
      refused.add(name);
      throw new ClassNotFoundException(name);
    }
    if (!name.startsWith("dev.gatehouse.")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        type = findClass(name);
        loaded.add(name);
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }
}
