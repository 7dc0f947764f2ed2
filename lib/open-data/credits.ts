/**
 * Data the registry holds from others, with the credit their licences ask for. The directory of the world's
 * universities is the Hipo list (MIT): its notice travels with every copy, so it is shown on /data, in the README and
 * in the exports (JSON, JSON-LD).
 */
export const DIRECTORY_CREDIT = {
  name: "University Domains and Names Data List",
  publisher: "Hipo",
  url: "https://github.com/Hipo/university-domains-list",
  license: "MIT",
  licenseUrl: "https://opensource.org/license/mit",
  copyright: "Copyright (c) 2014-2025 Hipo",
  covers: "the names, countries, websites and email domains of the institutions whose source it is",
} as const;

export const CREDITS = [DIRECTORY_CREDIT] as const;
