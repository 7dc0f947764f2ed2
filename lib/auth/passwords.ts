import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { say } from "../validation/say";

// OWASP's argon2id minimum: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
const ARGON2 = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, which isolatedModules cannot read */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

// Refused whatever their length: the most common passwords in breach corpora, and this site's own name.
const COMMON = new Set(
  `password password1 password12 password123 password1234 12345678 123456789 1234567890 123123123 qwertyuiop
  qwerty123 qwerty12 1q2w3e4r 1q2w3e4r5t iloveyou sunshine princess football baseball welcome welcome1
  admin123 administrator letmein1 abc12345 11111111 00000000 88888888 66666666 87654321 trustno1 superman
  starwars passw0rd p@ssw0rd p@ssword monkey123 dragon123 changeme changeme1 secret123 zaq12wsx qazwsxedc
  1qaz2wsx asdfghjkl asdf1234 aa123456 a1234567 a12345678 woaini1314 computer internet whatever
  alliance atlas allianceatlas university university1`.split(/\s+/),
);

export const passwordSchema = z
  .string()
  .min(8, say("passwordShort"))
  .max(128, say("passwordLong"))
  .refine((p) => !COMMON.has(p.toLowerCase()), say("passwordCommon"));

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps an unknown account as slow as a wrong password.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-real-password-for-timing");
  return dummy;
}
