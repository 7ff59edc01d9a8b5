// Where uploaded files live. Behind this small interface so that an S3-compatible object store
// can replace the local folder later without touching the code that uploads and downloads.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

export interface FileStorage {
  /** Stores the bytes under a new generated key and returns the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** A web stream of the bytes, or null when there is no such key. */
  read(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
  /**
   * Every stored key last written before `cutoff`, for the sweep of files no row refers to (an
   * upload whose process died between storing the bytes and committing its row). Leftover
   * temporary files of half-finished writes from before `cutoff` are removed on the way.
   */
  keysWrittenBefore(cutoff: Date): AsyncIterable<string>;
}

/** Keys are generated here, never taken from a user: 32 hex characters in two-level folders. */
const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{30}$/;

export function newStorageKey(): string {
  const hex = randomBytes(16).toString("hex");
  return `${hex.slice(0, 2)}/${hex.slice(2)}`;
}

/** Files in a folder outside public/ (by default .data/storage), never served directly. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${key}`);
    return path.join(path.resolve(this.root), key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = newStorageKey();
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write to a temporary name first: a crash never leaves half a file under a real key.
    const temporary = `${target}.${randomBytes(4).toString("hex")}.part`;
    await writeFile(temporary, bytes, { flag: "wx", mode: 0o600 });
    await rename(temporary, target);
    return key;
  }

  async read(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch {
      return null;
    }
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *keysWrittenBefore(cutoff: Date): AsyncIterable<string> {
    const root = path.resolve(this.root);
    const folders = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      for (const entry of await readdir(path.join(root, folder.name), { withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = path.join(root, folder.name, entry.name);
        const written = await stat(file).then((info) => info.mtime, () => null);
        if (!written || written >= cutoff) continue;
        if (entry.name.endsWith(".part")) {
          await rm(file, { force: true });
          continue;
        }
        const key = `${folder.name}/${entry.name}`;
        if (KEY_PATTERN.test(key)) yield key;
      }
    }
  }
}

let instance: FileStorage | undefined;

export function storage(): FileStorage {
  // Resolved once, so a later change of working directory cannot move where files are read.
  // The directory is data, not code: the comment keeps Turbopack from tracing the whole checkout
  // into the server's file list because of it (its one build warning).
  instance ??= new LocalDiskStorage(path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? ".data/storage"));
  return instance;
}

/** For tests: use another storage (or reset to the default with undefined). */
export function setStorage(replacement: FileStorage | undefined): void {
  instance = replacement;
}
