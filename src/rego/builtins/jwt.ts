import {
  createHmac,
  createPrivateKey,
  sign as cSign,
  verify as cVerify,
  timingSafeEqual,
  constants,
  type KeyObject,
} from "node:crypto";
import { RObject, type Value } from "../value.js";
import { fromJS } from "../convert.js";
import { parseJSON, toJSON } from "./json.js";
import { publicKeys } from "./jwtKeys.js";
import { BuiltinError, register, typeErr } from "./registry.js";
import { str } from "./strings.js";

const HASH: Record<string, string> = {
  "256": "sha256",
  "384": "sha384",
  "512": "sha512",
};

function b64(part: string, what: string): Buffer {
  const bad = part.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0 && !/^=+$/.test(part.slice(bad)))
    throw new BuiltinError(
      `JWT ${what} had invalid encoding: illegal base64 data at input byte ${bad}`,
    );
  return Buffer.from(part, "base64url");
}

interface Parts {
  header: Value;
  payload: Value;
  sig: Buffer;
  signingInput: string;
  headerObj: RObject;
}

function split(jwt: string): string[] {
  if (!jwt.includes("."))
    throw new BuiltinError("encoded JWT had no period separators");
  const parts = jwt.split(".");
  if (parts.length === 5)
    throw new BuiltinError("JWT is a JWE object, which is not supported");
  if (parts.length !== 3)
    throw new BuiltinError(
      `encoded JWT must have 3 sections, found ${parts.length}`,
    );
  return parts;
}

function jsonOf(buf: Buffer, err: string): Value {
  try {
    return parseJSON(buf.toString("utf8"));
  } catch (e) {
    throw new BuiltinError(err, "eval_builtin_error", false, e);
  }
}

function decode(jwt: string): Parts {
  const [h, p, s] = split(jwt);
  const header = jsonOf(b64(h!, "header"), "JWT header had invalid encoding");
  if (!(header instanceof RObject))
    throw new BuiltinError("JWT header had invalid encoding");
  const pbuf = b64(p!, "payload");
  const sig = b64(s!, "signature");
  let payload: Value;
  if (header.get("cty") === "JWT") {
    const inner = pbuf.toString("utf8");
    try {
      return {
        ...decode(inner.replace(/^"|"$/g, "")),
        sig,
        signingInput: `${h}.${p}`,
      };
    } catch (e) {
      throw new BuiltinError(
        "type is JWT but payload is not JSON",
        "eval_builtin_error",
        false,
        e,
      );
    }
  }
  try {
    payload = parseJSON(pbuf.toString("utf8"));
  } catch (e) {
    throw new BuiltinError(
      "JWT payload had invalid encoding: not JSON",
      "eval_builtin_error",
      false,
      e,
    );
  }
  return { header, payload, sig, signingInput: `${h}.${p}`, headerObj: header };
}

register("io.jwt.decode", 1, ([t]) => {
  const d = decode(str(t!, 1));
  return [d.header, d.payload, d.sig.toString("hex")];
});

/** Verifies a signature with the given alg and key material. */
function verifyAlg(
  alg: string,
  input: string,
  sig: Buffer,
  material: string,
): boolean {
  const fam = alg.slice(0, 2);
  const hash = HASH[alg.slice(2)];
  if (fam === "HS") {
    if (!hash) return false;
    const mac = createHmac(hash, material).update(input).digest();
    return mac.length === sig.length && timingSafeEqual(mac, sig);
  }
  const keys = publicKeys(material);
  return keys.some(({ key }) => verifyWith(alg, key, input, sig));
}

function verifyWith(
  alg: string,
  key: KeyObject,
  input: string,
  sig: Buffer,
): boolean {
  try {
    const data = Buffer.from(input);
    if (alg === "EdDSA") return cVerify(null, data, key, sig);
    const hash = HASH[alg.slice(2)];
    if (!hash) return false;
    if (alg.startsWith("RS"))
      return cVerify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PADDING },
        sig,
      );
    if (alg.startsWith("PS"))
      return cVerify(
        hash,
        data,
        {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_AUTO,
        },
        sig,
      );
    if (alg.startsWith("ES"))
      return cVerify(hash, data, { key, dsaEncoding: "ieee-p1363" }, sig);
  } catch {
    return false;
  }
  return false;
}

for (const alg of [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "HS256",
  "HS384",
  "HS512",
  "EdDSA",
]) {
  const name =
    alg === "EdDSA"
      ? "io.jwt.verify_eddsa"
      : `io.jwt.verify_${alg.toLowerCase()}`;
  register(name, 2, ([t, k]) => {
    const parts = split(str(t!, 1));
    const sig = b64(parts[2]!, "signature");
    return verifyAlg(alg, `${parts[0]}.${parts[1]}`, sig, str(k!, 2));
  });
}

const CONSTRAINTS = new Set(["cert", "secret", "alg", "iss", "aud", "time"]);

function numClaim(p: RObject, k: string): number | undefined {
  const v = p.get(k);
  if (v === undefined) return undefined;
  if (typeof v !== "number" && typeof v !== "bigint")
    throw new BuiltinError(`${k} value must be a number`);
  return Number(v);
}

register("io.jwt.decode_verify", 2, ([t, c], ctx) => {
  const jwt = str(t!, 1);
  if (!(c instanceof RObject)) throw typeErr(2, "object", c!);
  for (const k of c.keys())
    if (typeof k !== "string" || !CONSTRAINTS.has(k))
      throw new BuiltinError(
        `unknown token validation constraint: ${String(k)}`,
      );
  const fail: Value = [false, new RObject(), new RObject()];
  const d = decode(jwt);
  const alg = d.headerObj.get("alg");
  if (typeof alg !== "string" || d.headerObj.has("crit")) return fail;
  const want = c.get("alg");
  if (want !== undefined && want !== alg) return fail;
  const cert = c.get("cert");
  const secret = c.get("secret");
  const material =
    typeof cert === "string"
      ? cert
      : typeof secret === "string"
        ? secret
        : undefined;
  if (material === undefined)
    throw new BuiltinError("no cert or secret provided");
  if (!/^(RS|PS|ES|HS)(256|384|512)$|^EdDSA$/.test(alg))
    throw new BuiltinError(`unknown JWS algorithm: ${alg}`);
  if (alg.startsWith("HS") !== (typeof secret === "string")) return fail;
  if (!verifyAlg(alg, d.signingInput, d.sig, material)) return fail;
  if (!(d.payload instanceof RObject)) return fail;
  return checkClaims(d.payload, c, ctx.memo)
    ? [true, d.header, d.payload]
    : fail;
});

function checkClaims(
  p: RObject,
  c: RObject,
  memo: Map<string, Value>,
): boolean {
  const tv = c.get("time");
  const now = tv !== undefined ? Number(tv) : Number(nowNs(memo));
  const exp = numClaim(p, "exp");
  const nbf = numClaim(p, "nbf");
  if (exp !== undefined && now / 1e9 >= exp) return false;
  if (nbf !== undefined && now / 1e9 < nbf) return false;
  const iss = c.get("iss");
  if (iss !== undefined && p.get("iss") !== iss) return false;
  const aud = p.get("aud");
  const want = c.get("aud");
  if (aud === undefined) return want === undefined;
  if (want === undefined) return false;
  return Array.isArray(aud) ? aud.includes(want) : aud === want;
}

/** Current time in ns, memoised per query. */
export function nowNs(memo: Map<string, Value>): Value {
  let v = memo.get("time.now_ns");
  if (v === undefined) {
    v = BigInt(Date.now()) * 1000000n;
    memo.set("time.now_ns", v);
  }
  return v;
}

function signWith(alg: string, input: string, jwk: Value): string {
  if (!(jwk instanceof RObject)) throw new BuiltinError("invalid JWK");
  const plain = Object.fromEntries(
    jwk.sortedEntries().map(([k, v]) => [String(k), v]),
  );
  const hash = HASH[alg.slice(2)];
  const data = Buffer.from(input);
  if (alg.startsWith("HS")) {
    const k = Buffer.from(String(plain.k ?? ""), "base64url");
    return createHmac(hash!, k).update(data).digest("base64url");
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: plain as never, format: "jwk" });
  } catch (e) {
    throw new BuiltinError(
      "failed to parse private key",
      "eval_builtin_error",
      false,
      e,
    );
  }
  if (alg === "EdDSA") return cSign(null, data, key).toString("base64url");
  if (alg.startsWith("RS"))
    return cSign(hash!, data, key).toString("base64url");
  if (alg.startsWith("PS"))
    return cSign(hash!, data, {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    }).toString("base64url");
  if (alg.startsWith("ES"))
    return cSign(hash!, data, { key, dsaEncoding: "ieee-p1363" }).toString(
      "base64url",
    );
  throw new BuiltinError(`unknown JWS algorithm: ${alg}`);
}

function algOf(headerText: string): string {
  let h: unknown;
  try {
    h = JSON.parse(headerText);
  } catch (e) {
    throw new BuiltinError(
      headerText === ""
        ? "missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string"
        : "missing or invalid 'alg' header: cannot parse JSON",
      "eval_builtin_error",
      false,
      e,
    );
  }
  const alg = (h as Record<string, unknown> | null)?.alg;
  if (typeof alg !== "string")
    throw new BuiltinError(
      "missing or invalid 'alg' header: jwsbb: header \"alg\" not found",
    );
  if (!/^(RS|PS|ES|HS)(256|384|512)$|^EdDSA$/.test(alg))
    throw new BuiltinError(`unknown JWS algorithm: ${alg}`);
  return alg;
}

register("io.jwt.encode_sign_raw", 3, ([h, p, k]) => {
  const ht = str(h!, 1);
  const pt = str(p!, 2);
  const alg = algOf(ht);
  checkTypedPayload(ht, pt);
  const input = `${Buffer.from(ht).toString("base64url")}.${Buffer.from(pt).toString("base64url")}`;
  let jwk: Value;
  try {
    jwk = fromJS(JSON.parse(str(k!, 3)));
  } catch (e) {
    throw new BuiltinError(
      "failed to parse a JWK key (set)",
      "eval_builtin_error",
      false,
      e,
    );
  }
  return `${input}.${signWith(alg, input, jwk)}`;
});
register("io.jwt.encode_sign", 3, ([h, p, k]) => {
  if (!(h instanceof RObject)) throw typeErr(1, "object", h!);
  if (!(p instanceof RObject)) throw typeErr(2, "object", p!);
  const ht = toJSON(h);
  const alg = algOf(ht);
  const input = `${Buffer.from(ht).toString("base64url")}.${Buffer.from(toJSON(p)).toString("base64url")}`;
  return `${input}.${signWith(alg, input, k!)}`;
});

function checkTypedPayload(header: string, payload: string): void {
  const h = JSON.parse(header) as Record<string, unknown>;
  if (h.typ !== "JWT") return;
  try {
    const p: unknown = JSON.parse(payload);
    if (p === null || typeof p !== "object") throw new Error("not an object");
  } catch (e) {
    throw new BuiltinError(
      "type is JWT but payload is not JSON",
      "eval_builtin_error",
      false,
      e,
    );
  }
}
