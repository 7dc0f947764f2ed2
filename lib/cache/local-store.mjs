// The cache handler's store for one instance (handler.mjs uses it without REDIS_URL): memory and .next/cache/atlas.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_TTL_SECONDS, fromStored, memoryCost, packEntry, toStored, unpackEntry, warn } from "./store-common.mjs";

/** The disk the local store may fill (CACHE_DISK_MB), in bytes; a bad value is a clear error at start. */
export const DEFAULT_CACHE_DISK_MB = 1024;
export function cacheDiskBytes(env = process.env) {
  const raw = (env.CACHE_DISK_MB ?? "").trim();
  if (!raw) return DEFAULT_CACHE_DISK_MB * 1024 * 1024;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new Error(`CACHE_DISK_MB must be a whole number of megabytes, at least 1 (it is "${raw}").`);
  return Number(raw) * 1024 * 1024;
}

/**
 * What a file takes on disk at the least: a block of the file system (4 KiB on ext4 and XFS as made by default).
 * Counted by their length, a crawl's small entries (a page's data reads, 200 bytes to a few KB each) took up to
 * twenty times the bound they were counted against.
 */
export const DISK_BLOCK_BYTES = 4096;

/**
 * One instance: entries in memory (least recently used first out, within Next's cacheMaxMemorySize) and on
 * disk, so a restart or an evicted page costs a file read, not a render; tag states in memory and in one file,
 * so a restarted server still knows what was invalidated before it stopped. The disk is bounded too
 * (CACHE_DISK_MB): a crawl of every record page would otherwise leave one file per page, tens of GB, for the
 * entries' whole lifetime. The least recently used files go first, as in memory.
 */
class LocalStore {
  constructor(dir, build, maxMemoryBytes, maxDiskBytes) {
    this.entriesDir = dir ? path.join(dir, "entries", build) : null;
    this.tagsFile = dir ? path.join(dir, "tags.json") : null;
    this.maxMemoryBytes = maxMemoryBytes;
    this.memory = new Map();
    this.memoryBytes = 0;
    this.maxDiskBytes = maxDiskBytes;
    // The entry files on disk, least recently used first: file → bytes.
    this.disk = new Map();
    this.diskBytes = 0;
    this.tags = new Map();
    this.tagsWritten = Promise.resolve();
    if (!dir) return;
    try {
      for (const [tag, state] of Object.entries(JSON.parse(readFileSync(this.tagsFile, "utf8"))))
        this.tags.set(tag, state);
    } catch {
      // first start, or an unreadable file: no invalidation recorded yet
    }
    try {
      mkdirSync(this.entriesDir, { recursive: true });
      // Earlier builds' entries can never be read again.
      for (const old of readdirSync(path.join(dir, "entries")))
        if (old !== build) rm(path.join(dir, "entries", old), { recursive: true, force: true }).catch(() => {});
      // What an earlier run of this build left, oldest first, then cut to the bound (which may have been lowered).
      const found = [];
      for (const name of readdirSync(this.entriesDir)) {
        if (!name.endsWith(".entry")) continue;
        const file = path.join(this.entriesDir, name);
        try {
          const { size, mtimeMs } = statSync(file);
          found.push({ file, size, mtimeMs });
        } catch {
          // removed while we looked
        }
      }
      for (const { file, size } of found.sort((a, b) => a.mtimeMs - b.mtimeMs)) this.onDisk(file, size);
      this.trimDisk();
    } catch (error) {
      warn("preparing the cache directory", error);
    }
  }

  /** A file written or read: the most recently used on disk, counted by the blocks it takes. */
  onDisk(file, bytes) {
    this.offDisk(file);
    const held = Math.ceil(bytes / DISK_BLOCK_BYTES) * DISK_BLOCK_BYTES;
    this.disk.set(file, held);
    this.diskBytes += held;
  }

  offDisk(file) {
    const bytes = this.disk.get(file);
    if (bytes === undefined) return;
    this.disk.delete(file);
    this.diskBytes -= bytes;
  }

  /** Least recently used files out until the disk holds at most its bound (their removal is not waited for). */
  trimDisk() {
    for (const [oldest, bytes] of this.disk) {
      if (this.diskBytes <= this.maxDiskBytes) break;
      this.disk.delete(oldest);
      this.diskBytes -= bytes;
      unlink(oldest).catch(() => {});
    }
  }

  file(key) {
    return path.join(this.entriesDir, `${createHash("sha256").update(key).digest("hex")}.entry`);
  }

  remember(key, entry, bytes) {
    this.forget(key);
    if (bytes > this.maxMemoryBytes) return;
    this.memory.set(key, { entry, bytes });
    this.memoryBytes += bytes;
    for (const [oldest, { bytes: size }] of this.memory) {
      if (this.memoryBytes <= this.maxMemoryBytes) break;
      this.memory.delete(oldest);
      this.memoryBytes -= size;
    }
  }

  forget(key) {
    const held = this.memory.get(key);
    if (!held) return;
    this.memory.delete(key);
    this.memoryBytes -= held.bytes;
  }

  async read(key) {
    const held = this.memory.get(key);
    let entry = held?.entry;
    if (held) {
      // Most recently used last, in memory and on disk (a page served from memory is still the one to keep).
      this.memory.delete(key);
      this.memory.set(key, held);
      if (this.entriesDir) {
        const file = this.file(key);
        if (this.disk.has(file)) this.onDisk(file, this.disk.get(file));
      }
    } else if (this.entriesDir) {
      let raw;
      const file = this.file(key);
      try {
        raw = await readFile(file);
      } catch {
        this.offDisk(file);
        return null;
      }
      const packed = await fromStored(raw);
      entry = packed && unpackEntry(packed);
      if (!entry) {
        await this.remove(key);
        return null;
      }
      this.remember(key, entry, memoryCost(packed.byteLength, entry));
      if (this.disk.has(file)) this.onDisk(file, this.disk.get(file));
    }
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      await this.remove(key);
      return null;
    }
    return entry;
  }

  async write(key, entry, ttlSeconds) {
    const stored = { ...entry, expiresAt: Date.now() + ttlSeconds * 1000 };
    const packed = packEntry(stored);
    this.remember(key, stored, memoryCost(packed.byteLength, stored));
    if (!this.entriesDir) return;
    const raw = await toStored(packed);
    // Written whole, then renamed: a reader never sees half an entry.
    const file = this.file(key);
    const nonce = createHash("sha256").update(`${Math.random()}`).digest("hex").slice(0, 8);
    const partial = `${file}.${process.pid}.${nonce}`;
    // The directory was made at start; it is made again only if something removed it since (a mkdir per write was
    // a system call on every first visit).
    await writeFile(partial, raw).catch(async (error) => {
      if (error?.code !== "ENOENT") throw error;
      await mkdir(this.entriesDir, { recursive: true });
      await writeFile(partial, raw);
    });
    await rename(partial, file);
    this.onDisk(file, raw.byteLength);
    this.trimDisk();
  }

  async remove(key) {
    this.forget(key);
    if (!this.entriesDir) return;
    const file = this.file(key);
    this.offDisk(file);
    await unlink(file).catch(() => {});
  }

  async tagStates(tags) {
    return tags.map((tag) => this.tags.get(tag) ?? null);
  }

  async setTagStates(tags, state) {
    for (const tag of tags) this.tags.set(tag, state);
    if (!this.tagsFile) return;
    // States older than any live entry can no longer change an answer.
    const horizon = Date.now() - MAX_TTL_SECONDS * 1000;
    for (const [tag, s] of this.tags) if (Math.max(s.stale ?? 0, s.expired ?? 0) < horizon) this.tags.delete(tag);
    const snapshot = JSON.stringify(Object.fromEntries(this.tags));
    // One write at a time, each of the whole map: the last one holds every state (and one that failed does
    // not stop the next; memory already has the states either way).
    const written = this.tagsWritten
      .catch(() => {})
      .then(async () => {
        const partial = `${this.tagsFile}.${process.pid}`;
        await mkdir(path.dirname(this.tagsFile), { recursive: true });
        await writeFile(partial, snapshot);
        await rename(partial, this.tagsFile);
      });
    this.tagsWritten = written;
    await written;
  }
}

// One local store per process and directory: every request's handler shares it.
const localStores = new Map();

export function localStore(options, build) {
  const dir = options.serverDistDir ? path.join(options.serverDistDir, "..", "cache", "atlas") : null;
  const key = `${dir}\0${build}`;
  if (!localStores.has(key))
    localStores.set(
      key,
      new LocalStore(dir, build, Number(options.maxMemoryCacheSize ?? 50 * 1024 * 1024), cacheDiskBytes()),
    );
  return localStores.get(key);
}
