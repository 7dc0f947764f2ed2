// `node --import tsx --import ./scripts/bench/register.mjs …`: lets a plain Node script call lib/data outside
// Next, as the tests do (vitest.config.mts): "server-only" becomes an empty module and next/cache calls through.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
