// Which IP addresses a request the server makes for someone else (a webhook) may go to: public unicast only.
// Everything else is refused by what it is, so a registered URL can never reach this machine, its network or a
// cloud's metadata service. Pure: the classifier is unit-tested on every range and its edges.
import { isIPv4, isIPv6 } from "node:net";

/** Why an address is not one the server may call for someone else; null when it is public. */
export type AddressRefusal =
  | "invalid"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "shared"
  | "unique-local"
  | "ipv4-mapped"
  | "multicast"
  | "reserved";

type Range = { base: bigint; bits: number; width: number; reason: AddressRefusal };

/** IPv4 ranges that are not the public internet (RFC 6890's special-purpose registry, the parts that matter). */
const V4: [string, number, AddressRefusal][] = [
  ["0.0.0.0", 8, "unspecified"], // "this network"; 0.0.0.0 itself reaches this machine on Linux
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "shared"], // carrier-grade NAT
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"], // cloud metadata services live here
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["192.0.2.0", 24, "reserved"], // documentation
  ["192.88.99.0", 24, "reserved"], // 6to4 relay anycast
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"], // benchmarking
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"], // future use, and 255.255.255.255 broadcast
];

/**
 * IPv6: only global unicast (2000::/3) is allowed at all; within it, the ranges below are refused. Forms that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are refused outright: the IPv4 inside could be
 * anything, and the system may route them to it.
 */
const V6: [string, number, AddressRefusal][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["::ffff:0:0", 96, "ipv4-mapped"],
  ["::", 96, "ipv4-mapped"], // IPv4-compatible (deprecated)
  ["64:ff9b::", 96, "ipv4-mapped"], // NAT64
  ["64:ff9b:1::", 48, "ipv4-mapped"], // local-use NAT64
  ["100::", 64, "reserved"], // discard-only
  ["2001::", 23, "reserved"], // IETF protocol assignments (Teredo 2001::/32 among them)
  ["2001:db8::", 32, "reserved"], // documentation
  ["2002::", 16, "ipv4-mapped"], // 6to4
  ["3fff::", 20, "reserved"], // documentation (RFC 9637)
  ["fc00::", 7, "unique-local"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "private"], // site-local (deprecated)
  ["ff00::", 8, "multicast"],
];

const v4Ranges: Range[] = V4.map(([a, bits, reason]) => ({ base: v4ToBigInt(a)!, bits, width: 32, reason }));
// Longest prefix first: ::1 and :: lie inside ::/96, and must say "loopback" and "unspecified".
const v6Ranges: Range[] = V6.map(([a, bits, reason]) => ({ base: v6ToBigInt(a)!, bits, width: 128, reason })).sort(
  (a, b) => b.bits - a.bits,
);
const GLOBAL_UNICAST: Range = { base: v6ToBigInt("2000::")!, bits: 3, width: 128, reason: "reserved" };

function inRange(value: bigint, range: Range): boolean {
  const shift = BigInt(range.width - range.bits);
  return value >> shift === range.base >> shift;
}

/** A dotted-quad IPv4 address as a number; null unless it is exactly four decimal parts (no octal, no hex). */
function v4ToBigInt(address: string): bigint | null {
  if (!isIPv4(address)) return null;
  return address.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address (any textual form, an embedded IPv4 tail included) as a 128-bit number. */
function v6ToBigInt(address: string): bigint | null {
  if (!isIPv6(address) || address.includes("%")) return null;
  let text = address.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = v4ToBigInt(tail[1]!);
    if (v4 === null) return null;
    text = `${text.slice(0, -tail[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  if (groups.length !== 8) return null;
  return groups.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/**
 * Null when the server may connect to this address for someone else; otherwise why not. `allowLoopback` lets the
 * tests' receiver on 127.0.0.1 or ::1 through (an explicit test setting, never in production); nothing else.
 */
export function refusalOfAddress(address: string, { allowLoopback = false } = {}): AddressRefusal | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const v4 = v4ToBigInt(bare);
  if (v4 !== null) {
    const hit = v4Ranges.find((r) => inRange(v4, r));
    if (hit?.reason === "loopback" && allowLoopback) return null;
    return hit?.reason ?? null;
  }
  const v6 = v6ToBigInt(bare);
  if (v6 === null) return "invalid";
  const hit = v6Ranges.find((r) => inRange(v6, r));
  if (hit?.reason === "loopback" && allowLoopback) return null;
  if (hit) return hit.reason;
  return inRange(v6, GLOBAL_UNICAST) ? null : "reserved";
}

/** Whether `host` (a URL's hostname, brackets and all) is an IP address rather than a name. */
export function isIpLiteral(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return isIPv4(bare) || isIPv6(bare);
}
