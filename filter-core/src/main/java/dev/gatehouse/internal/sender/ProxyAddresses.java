package dev.gatehouse.internal.sender;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The addresses of TLS-terminating proxies whose certificate header is believed: IP literals and
 * CIDR blocks ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}). Host names are refused when
 * configured, since resolving them would make trust depend on DNS.
 */
public final class ProxyAddresses {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<Block> blocks;

  private ProxyAddresses(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** No proxy: the certificate header is never read. */
  public static ProxyAddresses none() {
    return new ProxyAddresses(List.of());
  }

  /**
   * @throws IllegalArgumentException for an entry that is not an IP literal or CIDR block
   */
  public static ProxyAddresses of(List<String> entries) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : entries) {
      String trimmed = entry.trim();
      int slash = trimmed.indexOf('/');
      byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
      }
      int bits = address.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("not a CIDR prefix length: " + entry);
        }
      }
      blocks.add(new Block(address, prefix));
    }
    return new ProxyAddresses(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code remoteAddress} (as the container reports it) is one of the proxies. */
  public boolean contains(String remoteAddress) {
    byte[] address = literal(remoteAddress);
    if (address == null) {
      return false;
    }
    for (Block block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** The address bytes of an IP literal, without any name lookup; null for anything else. */
  private static byte @Nullable [] literal(String value) {
    String bare =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    if (bare.isEmpty() || !LITERAL.matcher(bare).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
