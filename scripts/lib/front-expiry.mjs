// How long a caching front in front of the portal (deploy/nginx/) may keep a response: until the end of the second
// it was asked for. nginx counts cache lifetimes in whole seconds from its own clock, so "1s" keeps a copy for one
// to two seconds; `X-Accel-Expires: @<unix second>` (an absolute expiry, which nginx reads and never passes on)
// keeps it under one, and an approval is public through the front within a second of the portal showing it.
// Stamped when the request arrives: a response rendered across a second's boundary is then not stored at all,
// never stored too long. Plain JavaScript: the server runs it before Next sees the request.

/** Stamp GET and HEAD responses; the front's locations decide which of them it stores at all. */
export function expireAtFrontWithinTheSecond(req, res, now = Date.now()) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  res.setHeader("X-Accel-Expires", `@${Math.floor(now / 1000)}`);
}
