// Accounts from the server's shell, for a deployment's first admin and for the demo accounts:
//   npm run admin:create -- --email you@example.org [--name "Your Name"]
//       makes an admin (a new account, or an existing one given admin rights) and prints a one-time link on
//       SITE_URL that sets its password;
//   npm run admin:disable-demo
//       disables the demo accounts, whose passwords the README publishes (no password, no session, no link).
// Both use DATABASE_URL (from the environment or .env), else npm start's embedded PostgreSQL.
import { loadDotEnv } from "./lib/bootstrap.mjs";

const [command, ...args] = process.argv.slice(2);
const USAGE =
  'Usage: npm run admin:create -- --email you@example.org [--name "Your Name"]   or   npm run admin:disable-demo';

/** `--name value` pairs; anything else is refused, so a typo never goes unnoticed. */
function options(allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!.replace(/^--/, "");
    const value = args[i + 1];
    if (!args[i]!.startsWith("--") || !allowed.includes(key) || value === undefined || value.startsWith("--")) {
      throw new Error(`Unexpected argument "${args[i]}". ${USAGE}`);
    }
    out[key] = value;
  }
  return out;
}

loadDotEnv();
// As npm start does: the link must open the portal where it is served.
process.env.SITE_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;

let stop = async () => {};
let exitCode = 0;
try {
  if (command !== "create" && command !== "disable-demo") throw new Error(USAGE);
  const given = options(command === "create" ? ["email", "name"] : []);
  ({ stop } = await (await import("./lib/database.mjs")).usePortalDatabase());
  const { db } = await import("../lib/data/db");
  try {
    if (command === "create") {
      const { createAdminFromShell } = await import("../lib/data/accounts/shell");
      const r = await createAdminFromShell({ email: given.email ?? "", name: given.name });
      console.log(
        r.created
          ? `Created the admin account ${r.email}.`
          : `${r.email} already had an account: it is now an admin (and enabled); its open sessions have ended.`,
      );
      console.log(
        `Open this link to choose its password (it works once, within ${r.validFor}; ` +
          `it is not stored, so keep it to yourself):\n${r.link}`,
      );
    } else {
      const { readDemoUsers } = await import("./lib/demo-accounts.mjs");
      const { disableAccountsFromShell } = await import("../lib/data/accounts/shell");
      const disabled = await disableAccountsFromShell(readDemoUsers().map((u) => u.email));
      console.log(
        disabled.length
          ? `Disabled the demo accounts ${disabled.join(", ")}: they have no password and cannot sign in.`
          : "No demo account left to disable.",
      );
    }
  } finally {
    await db().$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await stop();
}
process.exit(exitCode);
