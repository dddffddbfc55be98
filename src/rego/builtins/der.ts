import { BuiltinError } from "./registry.js";

/** One DER tag-length-value element inside a buffer. */
export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  body: number;
  /** Offset just past the content. */
  end: number;
}

function structureError(msg: string): BuiltinError {
  return new BuiltinError(`asn1: structure error: ${msg}`);
}

/** Reads the element at `at` (single-byte tags, definite lengths only). */
export function readTlv(buf: Buffer, at: number, limit = buf.length): Tlv {
  if (at + 2 > limit) throw structureError("truncated element");
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw structureError("high-tag-number form");
  let len = buf[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > limit)
      throw structureError("bad length encoding");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[body + i]!;
    body += n;
  }
  if (body + len > limit) throw structureError("data truncated");
  return { tag, start: at, body, end: body + len };
}

/** Reads the element at `at` and checks its tag. */
export function expectTlv(
  buf: Buffer,
  at: number,
  tag: number,
  limit = buf.length,
): Tlv {
  const t = readTlv(buf, at, limit);
  if (t.tag !== tag)
    throw structureError(
      `tags don't match (want tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)})`,
    );
  return t;
}

/** The elements directly inside a constructed element. */
export function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.body; at < parent.end;) {
    const t = readTlv(buf, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

/** Decodes an OBJECT IDENTIFIER's content into its arcs. */
export function oidArcs(buf: Buffer, t: Tlv): number[] {
  const arcs: number[] = [];
  let v = 0;
  for (let i = t.body; i < t.end; i++) {
    v = v * 128 + (buf[i]! & 0x7f);
    if (buf[i]! & 0x80) continue;
    if (!arcs.length)
      arcs.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
    else arcs.push(v);
    v = 0;
  }
  return arcs;
}

/** Decodes a string-typed element (UTF8, Printable, IA5, BMP, ...). */
export function stringOf(buf: Buffer, t: Tlv): string {
  const raw = buf.subarray(t.body, t.end);
  if (t.tag === 0x1e) return Buffer.from(raw).swap16().toString("utf16le");
  return t.tag === 0x0c ? raw.toString("utf8") : raw.toString("latin1");
}
