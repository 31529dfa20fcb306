package dev.gatehouse.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jose4j.json.internal.json_simple.parser.ContainerFactory;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
import org.jose4j.json.internal.json_simple.parser.ParseException;

/**
 * jose4j's own JSON parser, with the same rules as {@code JsonUtil.parseJson} (one object at the
 * root, member names unique), but with parsers reused: {@code JsonUtil} makes a new parser, and so
 * a new 32 KB lexer buffer, for every call. The parser resets itself, buffer kept, at the start of
 * every parse. The reused parsers sit in a small shared pool rather than one per thread: a parser
 * is a jose4j class, and a container thread holding one would keep a redeployed web application's
 * class loader alive.
 */
final class StrictJson {

  private static final ContainerFactory UNIQUE_NAMES =
      new ContainerFactory() {
        @Override
        public Map<String, Object> createObjectContainer() {
          return new UniqueNames();
        }

        @Override
        public List<Object> creatArrayContainer() {
          return new ArrayList<>();
        }
      };

  /** Parsers kept for reuse; threads beyond this many at once make one and drop it after. */
  static final int POOLED_PARSERS = 16;

  private static final BlockingQueue<JSONParser> PARSERS =
      new ArrayBlockingQueue<>(POOLED_PARSERS);

  private StrictJson() {}

  /**
   * The JSON object {@code json} holds, as jose4j would read it (Long, Double, Boolean, String,
   * List, Map); null when {@code json} is not one JSON object or repeats a member name.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String json) {
    JSONParser pooled = PARSERS.poll();
    JSONParser parser = pooled != null ? pooled : new JSONParser();
    try {
      Object value = parser.parse(json, UNIQUE_NAMES);
      return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    } catch (ParseException | IllegalArgumentException e) {
      // IllegalArgumentException: a repeated name, or a number jose4j's lexer cannot hold.
      return null;
    } finally {
      PARSERS.offer(parser); // dropped when the pool is full
    }
  }

  /** RFC 7519 section 4: a JWT with a repeated claim name is refused, as jose4j refuses it. */
  private static final class UniqueNames extends LinkedHashMap<String, Object> {

    @Override
    public Object put(String name, Object value) {
      if (containsKey(name)) {
        throw new IllegalArgumentException("repeated member name");
      }
      return super.put(name, value);
    }
  }
}
