// Plain HTTP from a chosen loopback address (127.0.0.2, 127.0.0.3, …): the whole 127/8 block is this machine,
// so one test can act as several clients whose addresses the server sees on its socket. fetch cannot choose
// its local address without undici's Agent, which this project does not install.
import http from "node:http";

export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; setCookies: string[] };

export function httpRequest(
  address: string,
  {
    method = "GET",
    headers = {},
    body,
    from,
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {},
): Promise<HttpAnswer> {
  const target = new URL(address);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        localAddress: from,
        headers: { ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"] ?? [];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            setCookies: setCookie,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Sign in through next-auth's credentials endpoint from the loopback address `from`, with any extra headers
 * (a forged X-Forwarded-For, say; a `cookie` header is sent along with the CSRF cookie, as a browser sends the
 * cookies it holds). Resolves to the session cookie, if one was set, every cookie the answer set, and where
 * next-auth sent the browser (an error such as "Too many attempts" travels in that address).
 */
export async function signInFrom(
  base: string,
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const csrf = await httpRequest(`${base}/api/auth/csrf`, { from, headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = [headers.cookie, ...csrf.setCookies.map((c) => c.split(";")[0])].filter(Boolean).join("; ");
  const res = await httpRequest(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    from,
    headers: { ...headers, cookie, origin: new URL(base).origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: `${base}/en/account`,
      json: "true",
    }).toString(),
  });
  const session = res.setCookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c))?.split(";")[0] ?? null;
  const location = (() => {
    try {
      return (JSON.parse(res.body) as { url?: string }).url ?? "";
    } catch {
      return String(res.headers.location ?? "");
    }
  })();
  return { session, url: decodeURIComponent(location), status: res.status, setCookies: res.setCookies };
}

/** The cookies one client holds, as a browser keeps them: later Set-Cookie headers replace or delete earlier ones. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  keep(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";").map((p) => p.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const gone = attributes.some(
        (a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()),
      );
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, pair);
    }
    return this;
  }

  has(pattern: RegExp) {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }

  header() {
    return [...this.cookies.values()].join("; ");
  }
}

/** Sign out through next-auth's endpoint, as the "Sign out" button does, with the cookies of `jar`. */
export async function signOutFrom(base: string, from: string, jar: CookieJar) {
  const csrf = await httpRequest(`${base}/api/auth/csrf`, { from, headers: { cookie: jar.header() } });
  jar.keep(csrf.setCookies);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await httpRequest(`${base}/api/auth/signout`, {
    method: "POST",
    from,
    headers: {
      cookie: jar.header(),
      origin: new URL(base).origin,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${base}/en`, json: "true" }).toString(),
  });
  jar.keep(res.setCookies);
  return res;
}
