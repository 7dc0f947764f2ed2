import { describe, expect, it } from "vitest";
import {
  applyForwardingHeaders,
  isLoopbackHost,
  MAX_BODY_BYTES,
  normalizeAddress,
  refusalFor,
} from "../../scripts/lib/request-front.mjs";

type FakeRequest = {
  headers: Record<string, string | undefined>;
  socket: { remoteAddress?: string; encrypted?: boolean };
};
const request = (
  headers: Record<string, string | undefined>,
  socket: FakeRequest["socket"] = { remoteAddress: "::ffff:203.0.113.7" },
): FakeRequest => ({ headers: { ...headers }, socket });

describe("applyForwardingHeaders", () => {
  it("without a trusted proxy, the socket's address and scheme replace whatever the client claimed", () => {
    const req = request({
      "x-forwarded-for": "10.0.0.1, 10.0.0.2",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-real-ip": "10.0.0.3",
      forwarded: "for=10.0.0.4",
      host: "atlas.test",
    });
    applyForwardingHeaders(req, { trustProxy: false });
    expect(req.headers).toEqual({ host: "atlas.test", "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "http" });
  });

  it("a TLS socket is https", () => {
    const req = request({}, { remoteAddress: "2001:db8::1", encrypted: true });
    applyForwardingHeaders(req, { trustProxy: false });
    expect(req.headers).toMatchObject({ "x-forwarded-for": "2001:db8::1", "x-forwarded-proto": "https" });
  });

  it("behind a trusted proxy, its headers are kept; missing ones come from the socket", () => {
    const kept = request({
      "x-forwarded-for": "198.51.100.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "atlas.example.org",
    });
    applyForwardingHeaders(kept, { trustProxy: true });
    expect(kept.headers).toEqual({
      "x-forwarded-for": "198.51.100.9",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "atlas.example.org",
    });
    const filled = request({});
    applyForwardingHeaders(filled, { trustProxy: true });
    expect(filled.headers).toEqual({ "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "http" });
  });
});

describe("refusalFor", () => {
  it("lets through bodies up to the limit and requests without a body", () => {
    expect(refusalFor(request({}))).toBeNull();
    expect(refusalFor(request({ "content-length": "0" }))).toBeNull();
    expect(refusalFor(request({ "content-length": String(MAX_BODY_BYTES) }))).toBeNull();
  });

  it.each([
    [{ "content-length": String(MAX_BODY_BYTES + 1) }, 413, /too large.*Nothing was changed/],
    [{ "content-length": "10485760" }, 413, /at most 1024 KB/],
    [{ "content-length": "12abc" }, 400, /not a number/],
    [{ "content-length": "-1" }, 400, /not a number/],
    [{ "transfer-encoding": "chunked" }, 411, /Content-Length/],
  ])("refuses %o with %i and a message", (headers, status, message) => {
    const refusal = refusalFor(request(headers));
    expect(refusal?.status).toBe(status);
    expect(refusal?.message).toMatch(message);
  });
});

describe("addresses", () => {
  it("an IPv4 client on a dual-stack socket is its IPv4 address", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress(undefined)).toBe("unknown");
  });

  it.each([
    ["127.0.0.1", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["127.1.2.3", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.5", false],
    ["atlas.example.org", false],
    ["", false],
  ])("%s is loopback only: %s", (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});
