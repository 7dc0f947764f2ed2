// Module hooks for scripts/bench/register.mjs (plain JavaScript: they run before any TypeScript loader).
const replacements = {
  "server-only": "data:text/javascript,export {};",
  // Outside a Next request there is no cache: call straight through, as the tests' stand-in does.
  "next/cache": `data:text/javascript,${encodeURIComponent(
    "export const unstable_cache = (fn) => fn; export const revalidateTag = () => {}; " +
      "export const revalidatePath = () => {}; export const updateTag = () => {};",
  )}`,
};

export async function resolve(specifier, context, next) {
  const url = replacements[specifier];
  return url ? { url, format: "module", shortCircuit: true } : next(specifier, context);
}
