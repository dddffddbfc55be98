import { BuiltinError } from "./registry.js";

/** One PEM block: its label (`CERTIFICATE`, `PRIVATE KEY`, ...) and DER. */
export interface PemBlock {
  label: string;
  der: Buffer;
}

/** Decoded builtin input: PEM blocks, or raw DER when it held no PEM. */
export type PemInput =
  { kind: "pem"; blocks: PemBlock[] } | { kind: "der"; der: Buffer };

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** Parses every PEM block in `text` (headers such as `Proc-Type` skipped). */
export function pemBlocksOf(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const body = m[2]!
      .split(/\r?\n/)
      .filter((l) => !l.includes(":"))
      .join("");
    out.push({ label: m[1]!, der: Buffer.from(body, "base64") });
  }
  return out;
}

/**
 * Decodes standard base64 like Go's `StdEncoding` (line breaks ignored),
 * failing with Go's `illegal base64 data at input byte N`.
 */
export function strictBase64(text: string): Buffer {
  const compact = text.replace(/[\r\n]/g, "");
  const bad = compact.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0)
    throw new BuiltinError(`illegal base64 data at input byte ${bad}`);
  const pad = compact.indexOf("=");
  if (pad >= 0 && /[^=]/.test(compact.slice(pad)))
    throw new BuiltinError(`illegal base64 data at input byte ${pad}`);
  if (compact.length % 4)
    throw new BuiltinError(
      `illegal base64 data at input byte ${compact.length - (compact.length % 4)}`,
    );
  return Buffer.from(compact, "base64");
}

/**
 * Reads OPA's crypto input: PEM text, or base64 of PEM text, or base64 of
 * DER.
 */
export function decodePemInput(input: string): PemInput {
  if (input.includes("-----BEGIN"))
    return { kind: "pem", blocks: pemBlocksOf(input) };
  const raw = strictBase64(input);
  const text = raw.toString("latin1");
  if (text.includes("-----BEGIN"))
    return { kind: "pem", blocks: pemBlocksOf(text) };
  return { kind: "der", der: raw };
}
