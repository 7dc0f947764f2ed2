import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";

countries.registerLocale(en);
countries.registerLocale(zh);

// The special administrative regions under the names their own governments use, and short names where
// the package's alias is a formal one.
const overrides: Record<string, Record<string, string>> = {
  HK: { en: "Hong Kong SAR", zh: "中国香港" },
  MO: { en: "Macao SAR", zh: "中国澳门" },
  KR: { en: "South Korea", zh: "韩国" },
};

/** A country's or region's name in the locale ("HK" → "Hong Kong" / "香港"), else its code. */
export function countryName(code: string, locale: string): string {
  const lang = locale === "zh" ? "zh" : "en";
  const override = overrides[code]?.[lang];
  if (override) return override;
  return countries.getName(code, locale === "zh" ? "zh" : "en", { select: "alias" }) ?? code;
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}
