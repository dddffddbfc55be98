import { createHash, createHmac } from "node:crypto";
import { RObject, type Value } from "../value.js";
import { toJSON } from "./json.js";
import { BuiltinError, register, typeErr } from "./registry.js";

const REQ = ["method", "url"];
const CFG = [
  "aws_access_key",
  "aws_region",
  "aws_secret_access_key",
  "aws_service",
];

function required(
  o: RObject,
  keys: string[],
  pos: number,
  what: string,
): Record<string, string> {
  const missing = keys.filter((k) => !o.has(k));
  const list = (ks: string[]): string =>
    "{" + ks.map((k) => JSON.stringify(k)).join(", ") + "}";
  if (missing.length)
    throw new BuiltinError(
      `operand ${pos} missing required ${what} parameters(s): ${list(missing)}`,
      "eval_type_error",
    );
  const bad = keys.filter((k) => typeof o.get(k) !== "string");
  if (bad.length)
    throw new BuiltinError(
      `operand ${pos} invalid values for required ${what} parameters(s): ${list(bad)}`,
      "eval_type_error",
    );
  return Object.fromEntries(keys.map((k) => [k, o.get(k) as string]));
}

const sha = (s: string): string => createHash("sha256").update(s).digest("hex");
const hmac = (k: Buffer | string, s: string): Buffer =>
  createHmac("sha256", k).update(s).digest();

function amzDate(ns: Value): string {
  const n =
    typeof ns === "bigint"
      ? ns
      : typeof ns === "number"
        ? BigInt(Math.trunc(ns))
        : -1n;
  if (n < 0n)
    throw new BuiltinError(
      "operand 3 could not convert time_ns value into a unix timestamp",
      "eval_type_error",
    );
  return new Date(Number(n / 1000000n))
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

register("providers.aws.sign_req", 3, ([r, c, t]) => {
  if (!(r instanceof RObject)) throw typeErr(1, "object", r!);
  if (!(c instanceof RObject)) throw typeErr(2, "object", c!);
  const req = required(r, REQ, 1, "request");
  const cfg = required(c, CFG, 2, "AWS config");
  const dps = c.get("disable_payload_signing");
  if (dps !== undefined && typeof dps !== "boolean")
    throw new BuiltinError(
      "operand 2 invalid value for 'disable_payload_signing' in AWS config",
      "eval_type_error",
    );
  const date = amzDate(t!);
  const url = new URL(req.url!);
  const raw = r.get("raw_body");
  const body =
    typeof raw === "string" ? raw : r.has("body") ? toJSON(r.get("body")!) : "";
  const headers = new Map<string, string>();
  const given = r.get("headers");
  if (given instanceof RObject)
    for (const [k, v] of given.entries())
      headers.set(String(k).toLowerCase(), String(v));
  headers.set("host", url.host);
  headers.set("x-amz-date", date);
  headers.set(
    "x-amz-content-sha256",
    dps === true ? "UNSIGNED-PAYLOAD" : sha(body),
  );
  const token = c.get("aws_session_token");
  if (typeof token === "string") headers.set("x-amz-security-token", token);
  const names = [...headers.keys()].sort();
  const signed = names.join(";");
  const query = [...url.searchParams]
    .sort()
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  const canonical = [
    req.method!,
    /^[a-z][\w+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(req.url!)?.[1] ?? "",
    query,
    names.map((n) => `${n}:${headers.get(n)!.trim()}\n`).join(""),
    signed,
    headers.get("x-amz-content-sha256"),
  ].join("\n");
  const scope = `${date.slice(0, 8)}/${cfg.aws_region}/${cfg.aws_service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", date, scope, sha(canonical)].join("\n");
  let key: Buffer | string = "AWS4" + cfg.aws_secret_access_key;
  for (const part of [
    date.slice(0, 8),
    cfg.aws_region!,
    cfg.aws_service!,
    "aws4_request",
  ])
    key = hmac(key, part);
  const sig = createHmac("sha256", key).update(toSign).digest("hex");
  const out = r.clone();
  const h = given instanceof RObject ? given.clone() : new RObject();
  for (const [k, v] of headers) h.set(k, v);
  h.set(
    "Authorization",
    `AWS4-HMAC-SHA256 Credential=${cfg.aws_access_key}/${scope},SignedHeaders=${signed},Signature=${sig}`,
  );
  out.set("headers", h);
  return out;
});
