/** A minimal DER encoder for building test certificates. */

/** DER bytes. */
export type Der = Buffer;

/** DER helper: tlv. */
export function tlv(tag: number, content: Buffer): Der {
  const len = content.length;
  let header: Buffer;
  if (len < 0x80) header = Buffer.from([tag, len]);
  else if (len < 0x100) header = Buffer.from([tag, 0x81, len]);
  else header = Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([header, content]);
}
/** DER helper: seq. */
export const seq = (...items: Der[]) => tlv(0x30, Buffer.concat(items));
/** DER helper: set. */
export const set = (...items: Der[]) => tlv(0x31, Buffer.concat(items));
/** DER helper: octets. */
export const octets = (b: Buffer) => tlv(0x04, b);
/** DER helper: bits. */
export const bits = (b: Buffer) =>
  tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
/** DER helper: utf8. */
export const utf8 = (s: string) => tlv(0x0c, Buffer.from(s));
/** DER helper: bool. */
export const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
/** DER helper: ctx. */
export const ctx = (n: number, content: Buffer) => tlv(0xa0 + n, content);

/** DER helper: int. */
export function int(n: number): Der {
  const hex = n.toString(16).padStart(2, "0");
  let bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

/** DER helper: oid. */
export function oid(text: string): Der {
  const [a = 0, b = 0, ...rest] = text.split(".").map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** DER helper: time. */
export function time(d: Date): Der {
  const s = d.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return tlv(0x17, Buffer.from(`${s}Z`));
}
