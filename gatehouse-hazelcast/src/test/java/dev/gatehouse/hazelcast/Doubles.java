package dev.gatehouse.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleService;
import com.hazelcast.map.IMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Real Hazelcast objects seen through a stand-in that answers some calls itself: how these tests
 * show what a real cluster cannot be made to do on cue (an event lost, a map that never answers, a
 * disconnect nobody reports).
 */
final class Doubles {

  private Doubles() {}

  /** What a stand-in does with one call: answers it, or passes it on with {@link Call#proceed}. */
  @FunctionalInterface
  interface Handler {
    Object handle(Call call) throws Throwable;
  }

  /** One call to a stand-in. */
  record Call(Object target, Method method, Object[] args) {

    String name() {
      return method.getName();
    }

    /** The same call on the real object, throwing what it throws. */
    Object proceed() throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  static <T> T around(Class<T> type, T target, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            Doubles.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> handler.handle(new Call(target, method, args))));
  }

  /** The instance, each map it hands out (by the map's name) seen through {@code maps}. */
  static HazelcastInstance withMaps(
      HazelcastInstance real, BiFunction<String, IMap<?, ?>, IMap<?, ?>> maps) {
    return around(
        HazelcastInstance.class,
        real,
        call -> {
          Object result = call.proceed();
          return call.name().equals("getMap")
              ? maps.apply((String) call.args()[0], (IMap<?, ?>) result)
              : result;
        });
  }

  /** The instance, its lifecycle service seen through {@code lifecycle}. */
  static HazelcastInstance withLifecycle(
      HazelcastInstance real, UnaryOperator<LifecycleService> lifecycle) {
    return around(
        HazelcastInstance.class,
        real,
        call -> {
          Object result = call.proceed();
          return call.name().equals("getLifecycleService")
              ? lifecycle.apply((LifecycleService) result)
              : result;
        });
  }

  /** The map, its entry listeners accepted and never called: every event is lost. */
  static IMap<?, ?> deaf(IMap<?, ?> real) {
    return around(
        IMap.class,
        real,
        call ->
            switch (call.name()) {
              case "addEntryListener" -> UUID.randomUUID();
              case "removeEntryListener" -> true;
              default -> call.proceed();
            });
  }
}
