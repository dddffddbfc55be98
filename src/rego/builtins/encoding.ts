import { RObject, RSet, type Value } from "../value.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";

const utf8 = (b: Buffer): string =>
  new TextDecoder("utf-8", { fatal: false }).decode(b);

function b64decode(s: string, url: boolean): string {
  const std = url ? s : s;
  const re = url ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!re.test(std) || (!url && std.length % 4 !== 0))
    throw new BuiltinError(
      `illegal base64 data at input byte ${firstBad(std, url)}`,
    );
  return utf8(Buffer.from(std, url ? "base64url" : "base64"));
}
function firstBad(s: string, url: boolean): number {
  const ok = url ? /[A-Za-z0-9_=-]/ : /[A-Za-z0-9+/=]/;
  for (let i = 0; i < s.length; i++) if (!ok.test(s[i]!)) return i;
  return s.length - (s.length % 4);
}

register("base64.encode", 1, ([s]) =>
  Buffer.from(str(s!, 1)).toString("base64"),
);
register("base64.decode", 1, ([s]) => b64decode(str(s!, 1), false));
register("base64.is_valid", 1, ([s]) => {
  try {
    b64decode(str(s!, 1), false);
    return true;
  } catch {
    return false;
  }
});
register("base64url.encode", 1, ([s]) => {
  const b = Buffer.from(str(s!, 1)).toString("base64url");
  return b + "=".repeat((4 - (b.length % 4)) % 4);
});
register("base64url.encode_no_pad", 1, ([s]) =>
  Buffer.from(str(s!, 1)).toString("base64url"),
);
register("base64url.decode", 1, ([s]) => {
  const v = str(s!, 1);
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(v))
    throw new BuiltinError(
      `illegal base64 data at input byte ${firstBad(v, true)}`,
    );
  return utf8(Buffer.from(v.replace(/=+$/, ""), "base64url"));
});
register("hex.encode", 1, ([s]) => Buffer.from(str(s!, 1)).toString("hex"));
register("hex.decode", 1, ([s]) => {
  const v = str(s!, 1);
  const bad = v.search(/[^0-9a-fA-F]/);
  if (bad >= 0)
    throw new BuiltinError(
      `encoding/hex: invalid byte: U+00${v.charCodeAt(bad).toString(16).toUpperCase().padStart(2, "0")} '${v[bad]}'`,
    );
  if (v.length % 2)
    throw new BuiltinError("encoding/hex: odd length hex string");
  return utf8(Buffer.from(v, "hex"));
});

function qEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, "+")
    .replace(
      /[!'()*]/g,
      (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
    );
}
register("urlquery.encode", 1, ([s]) => qEscape(str(s!, 1)));
register("urlquery.decode", 1, ([s]) => {
  try {
    return decodeURIComponent(str(s!, 1).replace(/\+/g, " "));
  } catch (e) {
    throw new BuiltinError(`invalid URL escape: ${(e as Error).message}`);
  }
});
register("urlquery.encode_object", 1, ([o]) => {
  if (!(o instanceof RObject)) throw typeErr(1, "object", o!);
  const parts: string[] = [];
  for (const [k, v] of o.sortedEntries()) {
    const vals =
      typeof v === "string"
        ? [v]
        : Array.isArray(v)
          ? v
          : v instanceof RSet
            ? v.sorted()
            : null;
    if (!vals) throw typeErr(1, "object[string: string|array|set]", o);
    for (const x of vals)
      parts.push(`${qEscape(String(k))}=${qEscape(String(x))}`);
  }
  return parts.join("&");
});
register("urlquery.decode_object", 1, ([s]) => {
  const out = new RObject();
  for (const part of str(s!, 1).split("&")) {
    if (!part) continue;
    const [k = "", v = ""] = part.split(/=(.*)/s);
    const key = decodeURIComponent(k.replace(/\+/g, " "));
    const cur = (out.get(key) as Value[] | undefined) ?? [];
    out.set(key, [...cur, decodeURIComponent(v.replace(/\+/g, " "))]);
  }
  return out;
});
