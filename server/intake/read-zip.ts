// Unpacking an uploaded ZIP archive safely, in two passes:
//   1. scanZip inflates every entry once, counting the ACTUAL inflated bytes (declared sizes are
//      written by whoever made the archive and zip bombs lie) and checking each CRC, without
//      keeping anything. Any archive-level problem (encrypted, damaged, a bomb, too big, too many
//      files) refuses the whole archive with a named reason before a single file is stored.
//   2. expandZip inflates the entries again, one at a time, and hands each one's bytes (at most
//      MAX_UPLOAD_BYTES) to the caller, which stores it before the next is read: memory holds
//      one résumé, never the archive's contents.
// Folders, __MACOSX/ and dot-files are skipped; names are reduced to a safe base name (a path
// like ../../etc/cv.pdf becomes cv.pdf: nothing is ever written to disk under an entry's name).
//
// Why yauzl (and not fflate or JSZip): it reads the central directory by random access from a
// file on disk, so an archive of hundreds of megabytes never has to be in memory; it inflates
// each entry as a stream through Node's native zlib that we can stop at any byte; it reports
// encryption and the compression method per entry, reads ZIP64 and CP437/UTF-8 names, and has
// been maintained for a decade with a focus on following the spec. fflate and JSZip are
// buffer-first (the whole archive in memory), and fflate's streaming reader trusts local headers,
// which are incomplete in archives written with data descriptors.
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { isDocx, isZip, startsWithAscii, startsWithBytes } from "../extraction/byte-signatures.ts";
import { refusals, type Refusal } from "./refusals.ts";
import { sanitizeFileName } from "./sanitize-file-name.ts";

export type ZipSource = { path: string } | { bytes: Uint8Array };

export interface ZipLimits {
  /** Most files (entries that are not folders or system files) one archive may hold. */
  maxFiles: number;
  /** Most bytes one entry may inflate to (MAX_UPLOAD_BYTES). */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to (MAX_ZIP_UNCOMPRESSED_BYTES). */
  maxArchiveBytes: number;
}

export type ZipScan =
  { ok: true; files: number; skipped: number; inflatedBytes: number } | { ok: false; refusal: Refusal };

/** One file of the archive, in archive order: its bytes, or why it is refused on its own. */
export type ZipFileEntry =
  | { name: string; path: string; bytes: Uint8Array; refusal: null }
  | { name: string; path: string; bytes: null; refusal: Refusal };

/**
 * A Finder archive holds a __MACOSX twin and folder entries beside each file: more entries than
 * this (×maxFiles) are refused before their names are even read.
 */
const RAW_ENTRIES_PER_FILE = 4;

const NESTED_ARCHIVE_NAME = /\.(zip|zipx|rar|7z|tar|gz|tgz|bz2|xz|zst|cab|iso|jar)$/i;
const SYSTEM_FILES = new Set(["thumbs.db", "desktop.ini"]);

interface ListedEntry {
  entry: Entry;
  /** The entry's path inside the archive, folders kept, `..` and `.` segments dropped. */
  path: string;
  /** Safe base name, as stored and shown. */
  name: string;
  kind: "skip" | "file";
  /** Refused on its own before inflating (nested archive by name, honestly too large). */
  refusal: Refusal | null;
}

// Not an AppError: a refusal is a file's outcome recorded in the receipt; this only carries it out of
// yauzl's callbacks to scanZip/expandZip, which return it as data.
class ArchiveRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** Pass 1: inflates and checks every entry, keeps nothing, stores nothing. */
export async function scanZip(source: ZipSource, limits: ZipLimits): Promise<ZipScan> {
  try {
    return await withZip(source, async (zip) => {
      const listed = await listEntries(zip, limits);
      const files = listed.filter((item) => item.kind === "file");
      checkArchive(files, limits);
      let inflatedBytes = 0;
      for (const item of files) {
        if (item.refusal) continue;
        const budget = Math.min(limits.maxEntryBytes, limits.maxArchiveBytes - inflatedBytes);
        const result = await inflate(zip, item, budget, false);
        if (result.overLimit) {
          if (result.count > limits.maxEntryBytes) {
            throw new ArchiveRefused(refusals.zipBomb(item.name, item.entry.uncompressedSize, limits.maxEntryBytes));
          }
          throw new ArchiveRefused(refusals.archiveTooLarge(null, limits.maxArchiveBytes));
        }
        checkIntegrity(item, result);
        inflatedBytes += result.count;
      }
      return { ok: true as const, files: files.length, skipped: listed.length - files.length, inflatedBytes };
    });
  } catch (error) {
    if (error instanceof ArchiveRefused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

/**
 * Pass 2 (after a successful scanZip of the same bytes): each file in turn, its bytes read only
 * when the previous `onFile` has finished.
 */
export async function expandZip(
  source: ZipSource,
  limits: ZipLimits,
  onFile: (file: ZipFileEntry) => Promise<void>,
): Promise<void> {
  await withZip(source, async (zip) => {
    const listed = await listEntries(zip, limits);
    for (const item of listed) {
      if (item.kind !== "file") continue;
      if (item.refusal) {
        await onFile({ name: item.name, path: item.path, bytes: null, refusal: item.refusal });
        continue;
      }
      const result = await inflate(zip, item, limits.maxEntryBytes, true);
      // scanZip has seen these exact bytes pass; failing now means the archive changed under us.
      if (result.overLimit || !result.bytes) throw new Error(`ZIP entry ${item.path} changed between passes`);
      checkIntegrity(item, result);
      const refusal =
        result.count === 0 ? refusals.emptyFile() : isArchiveContent(result.bytes) ? refusals.nestedArchive() : null;
      await onFile(
        refusal
          ? { name: item.name, path: item.path, bytes: null, refusal }
          : { name: item.name, path: item.path, bytes: result.bytes, refusal: null },
      );
    }
  });
}

async function withZip<T>(source: ZipSource, use: (zip: ZipFile) => Promise<T>): Promise<T> {
  const zip = await openZip(source);
  try {
    return await use(zip);
  } finally {
    zip.close();
  }
}

async function openZip(source: ZipSource): Promise<ZipFile> {
  // Names are decoded by us (decodeStrings: false): yauzl would reject the whole archive for a
  // `../` name, where the rule here is to keep the base name. Sizes are checked by us against
  // the actual inflated bytes (validateEntrySizes: false) so the reason can be named.
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false };
  try {
    return "path" in source
      ? await yauzl.openPromise(source.path, options)
      : await yauzl.fromBufferPromise(
          Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
          options,
        );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      "code" in Object(error) &&
      ["ENOENT", "EACCES", "EMFILE"].includes((error as NodeJS.ErrnoException).code ?? "")
    ) {
      throw error;
    }
    if (/end of central directory record signature not found/i.test(message)) {
      const head = await firstBytes(source);
      if (!isZip(head)) throw new ArchiveRefused(refusals.notAZip());
      throw new ArchiveRefused(
        refusals.corruptArchive("it is incomplete (its table of contents is missing), as when a download is cut off"),
      );
    }
    throw new ArchiveRefused(refusals.corruptArchive("its table of contents cannot be read"));
  }
}

async function firstBytes(source: ZipSource): Promise<Uint8Array> {
  if ("bytes" in source) return source.bytes.subarray(0, 4);
  const handle = await open(source.path, "r");
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function listEntries(zip: ZipFile, limits: ZipLimits): Promise<ListedEntry[]> {
  const maxRawEntries = limits.maxFiles * RAW_ENTRIES_PER_FILE;
  if (zip.entryCount > maxRawEntries) throw new ArchiveRefused(refusals.tooManyEntries(zip.entryCount, maxRawEntries));
  const listed: ListedEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) listed.push(describeEntry(entry, limits));
  } catch (error) {
    if (error instanceof ArchiveRefused) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/strong encryption/.test(message)) throw new ArchiveRefused(refusals.encryptedArchive("a file in it"));
    throw new ArchiveRefused(refusals.corruptArchive("its table of contents is broken"));
  }
  return listed;
}

function describeEntry(entry: Entry, limits: ZipLimits): ListedEntry {
  // With decodeStrings: false, yauzl leaves the raw name bytes in `fileName`.
  const raw = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileName as unknown as Buffer,
    entry.extraFields,
    false,
  );
  const segments = raw
    .replace(/\\/g, "/")
    .split("/")
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  const base = segments.at(-1) ?? "";
  const path = segments.join("/");
  const name = sanitizeFileName(base);
  const skip =
    raw.endsWith("/") ||
    raw.endsWith("\\") ||
    base === "" ||
    segments.includes("__MACOSX") ||
    base.startsWith(".") ||
    SYSTEM_FILES.has(base.toLowerCase());
  if (skip) return { entry, path, name, kind: "skip", refusal: null };
  let refusal: Refusal | null = null;
  if (NESTED_ARCHIVE_NAME.test(base)) refusal = refusals.nestedArchive();
  // An honest size over the limit refuses this file alone; a dishonest one is caught while
  // inflating and refuses the archive.
  else if (entry.uncompressedSize > limits.maxEntryBytes)
    refusal = refusals.fileTooLarge(entry.uncompressedSize, limits.maxEntryBytes);
  return { entry, path, name, kind: "file", refusal };
}

/** Archive-level refusals that the directory alone tells. */
function checkArchive(files: ListedEntry[], limits: ZipLimits): void {
  if (files.length === 0) throw new ArchiveRefused(refusals.emptyArchive());
  if (files.length > limits.maxFiles)
    throw new ArchiveRefused(refusals.tooManyInArchive(files.length, limits.maxFiles));
  const encrypted = files.find((item) => item.entry.isEncrypted());
  if (encrypted) throw new ArchiveRefused(refusals.encryptedArchive(encrypted.path || encrypted.name));
  const toInflate = files.filter((item) => !item.refusal);
  const unreadable = toInflate.find((item) => !item.entry.canDecodeFileData());
  if (unreadable) {
    throw new ArchiveRefused(
      refusals.unsupportedCompression(unreadable.path || unreadable.name, unreadable.entry.compressionMethod),
    );
  }
  const declared = toInflate.reduce((sum, item) => sum + item.entry.uncompressedSize, 0);
  if (declared > limits.maxArchiveBytes)
    throw new ArchiveRefused(refusals.archiveTooLarge(declared, limits.maxArchiveBytes));
}

interface Inflated {
  count: number;
  crc: number;
  overLimit: boolean;
  bytes: Uint8Array | null;
}

/** Inflates one entry, stopping as soon as more than `maxBytes` have come out. */
async function inflate(zip: ZipFile, item: ListedEntry, maxBytes: number, keep: boolean): Promise<Inflated> {
  const damaged = () => new ArchiveRefused(refusals.corruptArchive(`the data of “${item.path}” is damaged`));
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(item.entry);
  } catch {
    throw damaged();
  }
  const chunks: Buffer[] = [];
  let count = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count += chunk.length;
      // Leaving the loop destroys the stream: inflating stops here, whatever the header claimed.
      if (count > maxBytes) return { count, crc, overLimit: true, bytes: null };
      crc = crc32(chunk, crc);
      if (keep) chunks.push(chunk);
    }
  } catch {
    throw damaged();
  }
  return { count, crc, overLimit: false, bytes: keep ? new Uint8Array(Buffer.concat(chunks, count)) : null };
}

function checkIntegrity(item: ListedEntry, result: Inflated): void {
  if (result.count !== item.entry.uncompressedSize) {
    throw new ArchiveRefused(
      refusals.corruptArchive(
        `“${item.path}” unpacks to ${result.count} bytes but the archive lists ${item.entry.uncompressedSize}`,
      ),
    );
  }
  if (result.crc !== item.entry.crc32) {
    throw new ArchiveRefused(refusals.corruptArchive(`“${item.path}” does not match its checksum`));
  }
}

/** Archives (other than a Word document, which is a ZIP too) recognised from their bytes. */
function isArchiveContent(bytes: Uint8Array): boolean {
  if (isZip(bytes)) return !isDocx(bytes);
  return (
    startsWithBytes(bytes, [0x1f, 0x8b]) || // gzip
    startsWithAscii(bytes, "Rar!\u001a\u0007") ||
    startsWithBytes(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || // 7z
    startsWithAscii(bytes, "ustar", 257)
  );
}
