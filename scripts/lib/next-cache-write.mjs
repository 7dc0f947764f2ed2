// Next's page-cache write measures every entry before storing it, `JSON.stringify(value).length`, to refuse a
// data-cache entry over 2 MB. The measure is used only when no custom cache handler is set, and the portal always sets
// one (lib/cache/handler.mjs), but it is taken every time. A page's entry holds its RSC payload as a Buffer, which
// JSON.stringify writes out as an array of numbers, one per byte: on a first visit to a record page that was a tenth
// of the server's CPU (a CPU profile of 300 first visits, one at a time: IncrementalCache#set 11 %, Buffer#toJSON
// alone 3 %, and the garbage it leaves). The rewrite below takes the measure only where Next reads it, under the
// check's own conditions; Next 16.4.6, the latest release, still measures first.
// Applied as Next's cache code loads (its production runtimes and its IncrementalCache module), so node_modules stays
// as installed. A release of Next whose code no longer reads this way is loaded as it is, with one warning, and a
// unit test fails (tests/unit/next-cache-write.test.ts) so that the rewrite is looked at again.
import Module from "node:module";

/** Where Next's IncrementalCache is: compiled into its production server runtimes, and as its own module. */
export const NEXT_CACHE_SOURCES = [
  /[\\/]next[\\/]dist[\\/]compiled[\\/]next-server[\\/][^\\/]+\.runtime\.prod\.js$/,
  /[\\/]next[\\/]dist[\\/]server[\\/]lib[\\/]incremental-cache[\\/]index\.js$/,
];

// The measure and the check that reads it, minified (the runtimes) and as written (the module). The rewrite keeps the
// check and guards the measure with the check's other conditions: the size is 0 where the check would not read it.
const MEASURES = [
  {
    pattern: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152&&/g,
    guarded: (_, size, value, ctx) =>
      `let ${size}=${ctx}.fetchCache&&!this.hasCustomCacheHandler&&!${ctx}.isImplicitBuildTimeCache` +
      `?JSON.stringify(${value}).length:0;if(${ctx}.fetchCache&&${size}>2097152&&`,
  },
  {
    pattern:
      /const itemSize = JSON\.stringify\((\w+)\)\.length;(\s*)if \((\w+)\.fetchCache && itemSize > 2 \* 1024 \* 1024/g,
    guarded: (_, value, space, ctx) =>
      `const itemSize = ${ctx}.fetchCache && !this.hasCustomCacheHandler && !${ctx}.isImplicitBuildTimeCache` +
      ` ? JSON.stringify(${value}).length : 0;${space}if (${ctx}.fetchCache && itemSize > 2 * 1024 * 1024`,
  },
];

/** The source with the measure taken only when Next's 2 MB check reads it; `rewritten` counts the places. */
export function measureOnlyWhenChecked(source) {
  let rewritten = 0;
  let result = source;
  for (const { pattern, guarded } of MEASURES)
    result = result.replace(pattern, (...match) => {
      rewritten++;
      return guarded(...match);
    });
  return { source: result, rewritten };
}

let installed = false;

/** Rewrite Next's cache sources as they load (CommonJS: Module#_compile sees each file's source). */
export function takeNextCacheMeasureOnlyWhenChecked({ warn = console.warn } = {}) {
  if (installed) return;
  installed = true;
  const compile = Module.prototype._compile;
  let warned = false;
  Module.prototype._compile = function (content, filename) {
    if (
      typeof content === "string" &&
      NEXT_CACHE_SOURCES.some((file) => file.test(filename)) &&
      content.includes("hasCustomCacheHandler")
    ) {
      const { source, rewritten } = measureOnlyWhenChecked(content);
      if (rewritten) return compile.call(this, source, filename);
      if (!warned) {
        warned = true;
        warn(
          `[atlas] Next's page-cache write was not rewritten (${filename.split(/[\\/]/).pop()} reads differently): ` +
            "first visits cost more CPU until scripts/lib/next-cache-write.mjs is brought up to date.",
        );
      }
    }
    return compile.call(this, content, filename);
  };
}
