// Types for scripts/lib/smtp-sink.mjs, which scripts/test.mjs runs and the tests import.
export type SinkMessage = {
  to: string[];
  from: string | null;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
};
export function startSmtpSink(options: {
  dir: string;
}): Promise<{ port: number; url: string; close: () => Promise<void> }>;
export function spawnSmtpSink(options: { dir: string }): Promise<{ url: string; close: () => Promise<void> }>;
