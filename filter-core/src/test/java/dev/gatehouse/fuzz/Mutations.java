package dev.gatehouse.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * A small, dumb byte mutator for the seeded tests that run in the ordinary build: bit flips,
 * inserted and deleted bytes, repeated chunks, and fragments that matter to a bearer-token parser.
 * Jazzer's own mutator, guided by coverage, replaces it in a real fuzzing session.
 */
final class Mutations {

  private static final String[] FRAGMENTS = {
    "Bearer ",
    "bearer ",
    "BEARER",
    "Basic ",
    ".",
    "..",
    "=",
    "==",
    "%",
    "%2",
    "%3D",
    "&",
    "\n",
    "Q",
    "F",
    "H",
    "access_token=",
    "\t",
    " ",
    "\u00a0",
    "\u00ff",
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "null",
    "-1",
    "1e300",
    "\"alg\":",
    "\"kid\":",
    "\"crit\":[\"b64\"]",
    "\"b64\":false",
    "\"none\"",
    "\"HS256\"",
    "eyJ",
    "A",
    "_",
    "-",
    "+",
    "/"
  };

  private Mutations() {}

  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      data = once(data, random);
    }
    return data;
  }

  private static byte[] once(byte[] data, Random random) {
    int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
    switch (random.nextInt(6)) {
      case 0 -> { // flip a bit
        if (data.length == 0) {
          return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] copy = data.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
      }
      case 1 -> { // insert a random byte
        out.write(data, 0, at);
        out.write(random.nextInt(256));
        out.write(data, at, data.length - at);
      }
      case 2 -> { // delete a run
        int n = Math.min(data.length - at, 1 + random.nextInt(8));
        out.write(data, 0, at);
        out.write(data, at + n, data.length - at - n);
      }
      case 3 -> { // repeat a chunk
        int n = Math.min(data.length - at, 1 + random.nextInt(64));
        out.write(data, 0, at + n);
        out.write(data, at, n);
        out.write(data, at + n, data.length - at - n);
      }
      case 4 -> { // insert a fragment
        byte[] fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(ISO_8859_1);
        out.write(data, 0, at);
        out.write(fragment, 0, fragment.length);
        out.write(data, at, data.length - at);
      }
      default -> { // overwrite a byte with a printable one
        if (data.length == 0) {
          return data;
        }
        byte[] copy = data.clone();
        copy[random.nextInt(copy.length)] = (byte) (0x20 + random.nextInt(0x5f));
        return copy;
      }
    }
    return out.toByteArray();
  }
}
