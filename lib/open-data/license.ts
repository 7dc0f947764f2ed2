/** The open data's licence: CC0 1.0, stated in every file (JSON, JSON-LD), in a Link header (CSV) and on /data. */
export const LICENSE = {
  id: "CC0-1.0",
  name: "CC0 1.0 Universal (Public Domain Dedication)",
  url: "https://creativecommons.org/publicdomain/zero/1.0/",
} as const;

/** `Link: <…>; rel="license"` (RFC 5988 / the IANA "license" relation) for files that cannot carry it. */
export const LICENSE_LINK_HEADER = `<${LICENSE.url}>; rel="license"`;
