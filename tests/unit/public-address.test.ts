// The classifier behind every request the server makes for someone else (webhooks): public unicast addresses
// only, whatever form an address is written in.
import { describe, expect, it } from "vitest";
import { isIpLiteral, refusalOfAddress } from "@/lib/http/public-address";

describe("refusalOfAddress: IPv4", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.255.255.255", "unspecified"],
    ["10.0.0.0", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.0", "shared"],
    ["100.127.255.255", "shared"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.0.1", "link-local"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.0", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "reserved"],
    ["192.168.0.0", "private"],
    ["192.168.255.255", "private"],
    ["198.18.0.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.255", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
  ])("refuses %s (%s)", (address, reason) => {
    expect(refusalOfAddress(address)).toBe(reason);
  });

  it.each([
    "1.1.1.1",
    "8.8.8.8",
    "9.255.255.255", // just below 10/8
    "11.0.0.0", // just above
    "100.63.255.255", // just below 100.64/10
    "100.128.0.0", // just above
    "126.255.255.255",
    "128.0.0.0",
    "169.253.255.255",
    "169.255.0.0",
    "172.15.255.255", // just below 172.16/12
    "172.32.0.0", // just above
    "192.167.255.255",
    "192.169.0.0",
    "223.255.255.255", // the last before multicast
    "93.184.215.14",
  ])("allows the public address %s", (address) => {
    expect(refusalOfAddress(address)).toBeNull();
  });

  it("does not take forms that some resolvers read as IPv4 (octal, hex, short) for addresses", () => {
    for (const form of ["0177.0.0.1", "0x7f.0.0.1", "2130706433", "127.1", "1.2.3", "256.1.1.1"])
      expect(refusalOfAddress(form), form).toBe("invalid");
  });
});

describe("refusalOfAddress: IPv6", () => {
  it.each([
    ["::", "unspecified"],
    ["0:0:0:0:0:0:0:0", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "ipv4-mapped"],
    ["::ffff:7f00:1", "ipv4-mapped"],
    ["::ffff:10.0.0.1", "ipv4-mapped"],
    ["::ffff:8.8.8.8", "ipv4-mapped"], // even a public IPv4 inside: connect to the IPv4 form instead
    ["0:0:0:0:0:ffff:a9fe:a9fe", "ipv4-mapped"],
    ["::127.0.0.1", "ipv4-mapped"], // IPv4-compatible
    ["64:ff9b::a00:1", "ipv4-mapped"], // NAT64
    ["2002:7f00:1::", "ipv4-mapped"], // 6to4
    ["2001:0:4136:e378::1", "reserved"], // Teredo
    ["2001:db8::1", "reserved"],
    ["100::1", "reserved"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique-local"],
    ["fe80::1", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fec0::1", "private"],
    ["ff02::1", "multicast"],
    ["ff05::1:3", "multicast"],
    ["4000::1", "reserved"], // outside global unicast 2000::/3
    ["1fff:ffff::1", "reserved"],
  ])("refuses %s (%s)", (address, reason) => {
    expect(refusalOfAddress(address)).toBe(reason);
  });

  it.each([
    "2606:4700:4700::1111",
    "2a00:1450:4001:81c::200e",
    "2001:4860:4860::8888",
    "2600::",
    "3ffe:ffff::1", // just below 3fff::/20
    "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", // just below fc00::/7... outside 2000::/3
  ])("classifies %s", (address) => {
    const expected = address.startsWith("fb") ? "reserved" : null;
    expect(refusalOfAddress(address)).toBe(expected);
  });

  it("refuses an address with a zone id, and what is not an address", () => {
    for (const form of ["fe80::1%eth0", "2606:4700::1%1", "example.org", "", "::ffff:999.0.0.1", "1::2::3"])
      expect(refusalOfAddress(form), form).toBe("invalid");
  });
});

describe("the tests' loopback exception", () => {
  it("lets 127.0.0.0/8 and ::1 through when asked, and nothing else", () => {
    const allow = { allowLoopback: true };
    expect(refusalOfAddress("127.0.0.1", allow)).toBeNull();
    expect(refusalOfAddress("::1", allow)).toBeNull();
    expect(refusalOfAddress("::ffff:127.0.0.1", allow)).toBe("ipv4-mapped");
    expect(refusalOfAddress("10.0.0.1", allow)).toBe("private");
    expect(refusalOfAddress("0.0.0.0", allow)).toBe("unspecified");
    expect(refusalOfAddress("169.254.169.254", allow)).toBe("link-local");
  });
});

describe("isIpLiteral", () => {
  it("tells addresses from names", () => {
    expect(isIpLiteral("127.0.0.1")).toBe(true);
    expect(isIpLiteral("[::1]")).toBe(true);
    expect(isIpLiteral("localhost")).toBe(false);
    expect(isIpLiteral("example.org")).toBe(false);
  });
});
