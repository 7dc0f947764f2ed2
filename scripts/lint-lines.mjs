#!/usr/bin/env node
// Lists every line over 120 characters in the project's sources (app/, components/, lib/ but lib/generated,
// scripts/, tests/, prisma/, i18n/ and the files at the root), as file:line: length, and exits 1 if there
// is any. Biome's formatter wraps code at 120 columns but leaves comments, strings and template literals as
// they are; this finds them.
//   node scripts/lint-lines.mjs                       the whole set
//   node scripts/lint-lines.mjs --paths tests lib/a.ts  only these files and folders
import path from "node:path";
import { main } from "./lib/long-lines.mjs";

process.exitCode = main(process.argv.slice(2), { root: path.resolve(import.meta.dirname, "..") });
