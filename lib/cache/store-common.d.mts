// Types for the tests that import the stores' shared code (Next loads the JavaScript itself).
/** `value` as one Buffer: a JSON header, then its Buffers and long strings as they are. */
export function packEntry(value: unknown): Buffer;
/** What packEntry packed, Buffers as views of `bytes`; null for bytes it did not write. */
export function unpackEntry(bytes: Buffer): unknown;
