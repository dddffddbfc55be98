import { gzipSync } from "node:zlib";

/** One entry of a hand-made archive: hostile ones included. */
export interface TarEntry {
  path: string;
  /** `0` file, `1` hard link, `2` symlink, `3` char device, `5` directory. */
  type?: "0" | "1" | "2" | "3" | "5" | "g";
  body?: string;
  linkpath?: string;
  mode?: number;
}

/**
 * Writes a gzipped ustar archive byte by byte, so tests can build entries
 * no well-behaved archiver would (absolute paths, `..`, escaping links).
 */
export function makeTarball(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? "");
    blocks.push(header(entry, body.length), pad(body));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** A GitHub-style tarball (`owner-repo-sha/` prefix) of plain files. */
export function githubTarball(
  prefix: string,
  files: Record<string, string>,
): Buffer {
  return makeTarball([
    { path: `${prefix}/`, type: "5" },
    ...Object.entries(files).map(([path, body]) => ({
      path: `${prefix}/${path}`,
      body,
    })),
  ]);
}

function header(entry: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(entry.path, 0, 100, "utf8");
  octal(h, 100, 8, entry.mode ?? 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, entry.type === "0" || !entry.type ? size : 0);
  octal(h, 136, 12, 0);
  h.write(entry.type ?? "0", 156, 1, "ascii");
  h.write(entry.linkpath ?? "", 157, 100, "utf8");
  h.write("ustar\u000000", 257, 8, "ascii");
  h.fill(" ", 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  octal(h, 148, 8, sum);
  return h;
}

function octal(h: Buffer, at: number, len: number, value: number): void {
  h.write(value.toString(8).padStart(len - 1, "0"), at, len - 1, "ascii");
}

function pad(body: Buffer): Buffer {
  const rest = body.length % 512;
  return rest === 0 ? body : Buffer.concat([body, Buffer.alloc(512 - rest)]);
}
