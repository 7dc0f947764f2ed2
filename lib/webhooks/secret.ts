import "server-only";
// A webhook's secret: made here, shown to its owner once, kept encrypted. A hash would not do: signing a delivery
// (HMAC) needs the secret itself. It is encrypted (AES-256-GCM) with a key derived from NEXTAUTH_SECRET, which
// lives in the server's environment and never in the database, so a database dump or backup alone reveals no
// secret. Changing NEXTAUTH_SECRET makes the stored secrets unreadable: their deliveries fail until rotated.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

const VERSION = "v1";

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: webhook secrets cannot be kept without it.");
  return Buffer.from(hkdfSync("sha256", secret, "alliance-atlas", "webhook secrets v1", 32));
}

/** A new secret, as its owner copies it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptWebhookSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !sealed)
    throw new Error("The webhook's secret is stored in a form this server cannot read.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The webhook's secret cannot be decrypted (was NEXTAUTH_SECRET changed?): rotate the secret.");
  }
}

/** The X-Atlas-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}
