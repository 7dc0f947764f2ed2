// Types for the tests that import the stores' shared code (Next loads the JavaScript itself).
/** `value` as one Buffer: a JSON header, then its Buffers and long strings as they are. */
export function packEntry(value: unknown): Buffer;
/** What packEntry packed, Buffers as views of `bytes`; null for bytes it did not write. */
export function unpackEntry(bytes: Buffer): unknown;
/** About what an entry takes in memory: its packed bytes and its long strings at two bytes a character. */
export function memoryCost(packedBytes: number, value: unknown): number;
/** A packed entry as a store keeps it: compressed (brotli) from 1 KB up. */
export function toStored(packed: Buffer): Promise<Buffer>;
/** The packed entry a store kept, or null for bytes it did not write. */
export function fromStored(bytes: Buffer): Promise<Buffer | null>;
