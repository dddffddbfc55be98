import {
  createHash,
  createHmac,
  timingSafeEqual,
  X509Certificate,
  createPrivateKey,
} from "node:crypto";
import { RObject, type Value } from "../value.js";
import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

for (const h of ["md5", "sha1", "sha256"])
  register(`crypto.${h}`, 1, ([s]) =>
    createHash(h).update(str(s!, 1)).digest("hex"),
  );
for (const h of ["md5", "sha1", "sha256", "sha512"])
  register(`crypto.hmac.${h}`, 2, ([m, k]) =>
    createHmac(h, str(k!, 2)).update(str(m!, 1)).digest("hex"),
  );
register("crypto.hmac.equal", 2, ([a, b]) => {
  const x = Buffer.from(str(a!, 1));
  const y = Buffer.from(str(b!, 2));
  return x.length === y.length && timingSafeEqual(x, y);
});

function derChain(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i + 2 <= buf.length) {
    if (buf[i] !== 0x30) break;
    const l0 = buf[i + 1]!;
    let len = l0;
    let hdr = 2;
    if (l0 & 0x80) {
      const n = l0 & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + buf[i + 2 + k]!;
      hdr = 2 + n;
    }
    out.push(buf.subarray(i, i + hdr + len));
    i += hdr + len;
  }
  return out;
}

function pemBlocks(input: string): (string | Buffer)[] {
  let text = input;
  if (!text.includes("-----BEGIN")) {
    const bad = text.search(/[^A-Za-z0-9+/=\s]/);
    if (bad >= 0)
      throw new BuiltinError(`illegal base64 data at input byte ${bad}`);
    const compact = text.replace(/\s/g, "");
    if (compact.length % 4)
      throw new BuiltinError(
        `illegal base64 data at input byte ${compact.length - (compact.length % 4)}`,
      );
    const raw = Buffer.from(text, "base64");
    const dec = raw.toString("utf8");
    if (dec.includes("-----BEGIN")) text = dec;
    else {
      const certs = derChain(raw);
      const total = certs.reduce((n, c) => n + c.length, 0);
      if (!certs.length || total !== raw.length)
        throw new BuiltinError("x509: malformed certificate");
      return certs;
    }
  }
  return (
    text.match(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g) ?? []
  );
}

function certValue(c: X509Certificate): Value {
  const o = new RObject();
  o.set("Subject", nameObj(c.subject));
  o.set("Issuer", nameObj(c.issuer));
  o.set("SerialNumber", BigInt("0x" + c.serialNumber));
  o.set("NotBefore", new Date(c.validFrom).toISOString().replace(".000Z", "Z"));
  o.set("NotAfter", new Date(c.validTo).toISOString().replace(".000Z", "Z"));
  const san = (c.subjectAltName ?? "").split(", ");
  const pick = (p: string): Value => {
    const xs = san.filter((s) => s.startsWith(p)).map((s) => s.slice(p.length));
    return xs.length ? xs : null;
  };
  o.set("DNSNames", pick("DNS:"));
  o.set("URIStrings", pick("URI:"));
  o.set("IsCA", c.ca);
  o.set("Raw", c.raw.toString("base64"));
  return o;
}

function nameObj(s: string): Value {
  const o = new RObject().set("CommonName", "");
  for (const line of (s ?? "").split("\n")) {
    const [k, v] = line.split(/=(.*)/s);
    if (k === "CN") o.set("CommonName", v ?? "");
  }
  return o;
}

register("crypto.x509.parse_certificates", 1, ([s]) => {
  try {
    return pemBlocks(str(s!, 1)).map((b) => certValue(new X509Certificate(b)));
  } catch (e) {
    throw new BuiltinError(
      "x509: malformed certificate",
      "eval_builtin_error",
      false,
      e,
    );
  }
});
register("crypto.x509.parse_and_verify_certificates", 1, ([s]) => {
  try {
    const certs = pemBlocks(str(s!, 1)).map((b) => new X509Certificate(b));
    if (certs.length < 2) return [false, []];
    for (let i = 1; i < certs.length; i++)
      if (!certs[i]!.verify(certs[i - 1]!.publicKey)) return [false, []];
    return [true, certs.reverse().map(certValue)];
  } catch {
    return [false, []];
  }
});
register("crypto.x509.parse_rsa_private_key", 1, ([s]) => {
  try {
    const k = createPrivateKey(pemBlocks(str(s!, 1))[0] ?? "");
    const jwk = k.export({ format: "jwk" }) as Record<string, string>;
    return RObject.from(
      Object.entries(jwk)
        .sort()
        .map(([a, b]) => [a, b]),
    );
  } catch (e) {
    throw new BuiltinError(
      "failed to parse RSA private key",
      "eval_builtin_error",
      false,
      e,
    );
  }
});
