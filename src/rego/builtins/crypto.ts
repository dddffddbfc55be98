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

function pemBlocks(input: string): string[] {
  let text = input;
  if (!text.includes("-----BEGIN")) {
    const dec = Buffer.from(text, "base64").toString("utf8");
    if (dec.includes("-----BEGIN")) text = dec;
    else
      return [
        `-----BEGIN CERTIFICATE-----\n${text}\n-----END CERTIFICATE-----`,
      ];
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
  o.set(
    "DNSNames",
    (c.subjectAltName ?? "")
      .split(", ")
      .filter((s) => s.startsWith("DNS:"))
      .map((s) => s.slice(4)),
  );
  o.set("IsCA", c.ca);
  o.set("Raw", c.raw.toString("base64"));
  return o;
}

function nameObj(s: string): Value {
  const o = new RObject();
  for (const line of s.split("\n")) {
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
    for (let i = 0; i + 1 < certs.length; i++)
      if (!certs[i]!.verify(certs[i + 1]!.publicKey)) return [false, []];
    return [true, certs.map(certValue)];
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
