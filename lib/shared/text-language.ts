// Client-safe. Which language a stored text is written in, where the data does not say: the registry holds
// English and Chinese, and a text with no Han, kana or hangul character in it is not Chinese.

/** A character of a script written without spaces between words (Chinese, Japanese, Korean). */
export const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** The language `text` is written in: the one the data states, else "zh" when it has CJK characters, else "en". */
export function textLanguage(text: string, stated?: string | null): string {
  if (stated) return stated;
  return CJK.test(text) ? "zh" : "en";
}
