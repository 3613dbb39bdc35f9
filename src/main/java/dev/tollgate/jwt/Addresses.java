package dev.tollgate.jwt;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Which addresses a {@code jwks_uri} may not reach unless {@link JwksUriSettings#privateAddressesAllowed()}. */
final class Addresses {

    private Addresses() {
    }

    /**
     * Whether the address is not one of the public internet: loopback, link-local (with the cloud metadata
     * services), site-local and private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), shared (100.64/10,
     * RFC 6598), "this network" (0/8), broadcast, any-local or multicast, also when an IPv6 address embeds such an
     * IPv4 address (IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). IPv4-mapped addresses come as IPv4 already.
     */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && (second & 0xc0) == 64) || first >= 240; // 240/4 and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            byte[] embedded = null;
            if (isZero(bytes, 0, 12)) {
                embedded = Arrays.copyOfRange(bytes, 12, 16); // ::a.b.c.d, IPv4-compatible
            } else if (bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                    && isZero(bytes, 4, 12)) {
                embedded = Arrays.copyOfRange(bytes, 12, 16); // 64:ff9b::/96, NAT64
            } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                embedded = Arrays.copyOfRange(bytes, 2, 6); // 2002::/16, 6to4
            }
            if (embedded != null) {
                try {
                    return isInternal(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
