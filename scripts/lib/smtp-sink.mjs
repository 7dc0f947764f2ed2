// A local SMTP server that keeps what it receives as files, for the tests: the portal mails through it as
// through any mail server (SMTP_URL), and the tests read each message from its folder as a real inbox would.
// Each message becomes <dir>/<time>-<n>.json: { to (the envelope's recipients), from, subject, text, html (or
// null), headers (the List-Unsubscribe ones a digest carries, by lower-case name) }.
//   node scripts/lib/smtp-sink.mjs --dir DIR    runs it as a process of its own, printing its SMTP_URL
// (scripts/test.mjs does, one per browser phase).
import { spawn } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/** Start the sink on a free port of 127.0.0.1; `url` is the SMTP_URL that reaches it. */
export async function startSmtpSink({ dir }) {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS to negotiate, no login to give.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received += 1;
          const name = `${Date.now()}-${String(received).padStart(4, "0")}`;
          const message = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            // As written (mailparser parses List-* headers into objects of its own): the raw line after the colon.
            headers: Object.fromEntries(
              (mail.headerLines ?? [])
                .filter((h) => h.key === "list-unsubscribe" || h.key === "list-unsubscribe-post")
                .map((h) => [
                  h.key,
                  h.line
                    .slice(h.line.indexOf(":") + 1)
                    .replace(/\r?\n[ \t]+/g, " ")
                    .trim(),
                ]),
            ),
          };
          // Written whole, then renamed: a reader never sees half a message.
          const file = path.join(dir, `${name}.json`);
          writeFileSync(`${file}.part`, JSON.stringify(message, null, 2));
          renameSync(`${file}.part`, file);
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.server.address();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Run the sink as a child process; resolves once it listens. `close` stops it. */
export function spawnSmtpSink({ dir }) {
  const child = spawn(process.execPath, [import.meta.filename, "--dir", dir], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.once("exit", (code) => reject(new Error(`The SMTP sink exited (code ${code}) before listening: ${output}`)));
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = /^SMTP sink listening on (smtp:\/\/\S+)$/m.exec(output)?.[1];
      if (!url) return;
      child.removeAllListeners("exit");
      resolve({
        url,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dir = process.argv[process.argv.indexOf("--dir") + 1];
  if (!process.argv.includes("--dir") || !dir) {
    console.error("Usage: node scripts/lib/smtp-sink.mjs --dir DIR");
    process.exit(1);
  }
  const sink = await startSmtpSink({ dir });
  console.log(`SMTP sink listening on ${sink.url}`);
  const stop = () => sink.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
