import { createPublicKey } from "node:crypto";
import { RObject, type Value } from "../value.js";
import { children, expectTlv, oidArcs, stringOf, type Tlv } from "./der.js";
import { decodePemInput } from "./pemInput.js";
import { BuiltinError, register } from "./registry.js";
import { str } from "./strings.js";

const SEQ = 0x30;
const OID = 0x06;

/** pkix.Name fields keyed by the attribute OID (as dotted text). */
const NAME_LISTS: Record<string, string> = {
  "2.5.4.6": "Country",
  "2.5.4.10": "Organization",
  "2.5.4.11": "OrganizationalUnit",
  "2.5.4.7": "Locality",
  "2.5.4.8": "Province",
  "2.5.4.9": "StreetAddress",
  "2.5.4.17": "PostalCode",
};
const NAME_STRINGS: Record<string, string> = {
  "2.5.4.5": "SerialNumber",
  "2.5.4.3": "CommonName",
};

/** Go's x509.SignatureAlgorithm numbers by OID. */
const SIG_ALGS: Record<string, number> = {
  "1.2.840.113549.1.1.4": 2,
  "1.2.840.113549.1.1.5": 3,
  "1.2.840.113549.1.1.11": 4,
  "1.2.840.113549.1.1.12": 5,
  "1.2.840.113549.1.1.13": 6,
  "1.2.840.10045.4.1": 9,
  "1.2.840.10045.4.3.2": 10,
  "1.2.840.10045.4.3.3": 11,
  "1.2.840.10045.4.3.4": 12,
  "1.2.840.113549.1.1.10": 13,
  "1.3.101.112": 16,
};
/** Go's x509.PublicKeyAlgorithm numbers by OID. */
const KEY_ALGS: Record<string, number> = {
  "1.2.840.113549.1.1.1": 1,
  "1.2.840.10040.4.1": 2,
  "1.2.840.10045.2.1": 3,
  "1.3.101.112": 4,
};

const b64 = (buf: Buffer, t: Tlv, from = t.start): string =>
  buf.subarray(from, t.end).toString("base64");

/** A Name (SEQUENCE OF SET OF AttributeTypeAndValue) as Go's pkix.Name. */
function nameValue(buf: Buffer, name: Tlv): RObject {
  const o = new RObject();
  for (const f of Object.values(NAME_LISTS)) o.set(f, null);
  for (const f of Object.values(NAME_STRINGS)) o.set(f, "");
  const names: Value[] = [];
  for (const rdn of children(buf, name))
    for (const atv of children(buf, rdn)) {
      const [type, val] = children(buf, atv);
      if (!type || !val || type.tag !== OID) continue;
      const arcs = oidArcs(buf, type);
      const value = stringOf(buf, val);
      names.push(new RObject().set("Type", arcs).set("Value", value));
      const dotted = arcs.join(".");
      const list = NAME_LISTS[dotted];
      const single = NAME_STRINGS[dotted];
      if (list) o.set(list, [...((o.get(list) as Value[]) ?? []), value]);
      else if (single) o.set(single, value);
    }
  return o.set("Names", names.length ? names : null).set("ExtraNames", null);
}

interface Sans {
  DNSNames: string[];
  EmailAddresses: string[];
  URIs: string[];
}

/** Collects subjectAltName entries from the extensionRequest attribute. */
function sansOf(buf: Buffer, attrs: Tlv | undefined): Sans {
  const out: Sans = { DNSNames: [], EmailAddresses: [], URIs: [] };
  const pick: Record<number, keyof Sans> = {
    0x81: "EmailAddresses",
    0x82: "DNSNames",
    0x86: "URIs",
  };
  for (const attr of attrs ? children(buf, attrs) : []) {
    const [type, set] = children(buf, attr);
    if (
      !type ||
      !set ||
      oidArcs(buf, type).join(".") !== "1.2.840.113549.1.9.14"
    )
      continue;
    for (const exts of children(buf, set))
      for (const ext of children(buf, exts)) {
        const parts = children(buf, ext);
        if (oidArcs(buf, parts[0]!).join(".") !== "2.5.29.17") continue;
        const octets = parts[parts.length - 1]!;
        const seq = expectTlv(buf, octets.body, SEQ, octets.end);
        for (const gn of children(buf, seq)) {
          const field = pick[gn.tag];
          if (field) out[field].push(stringOf(buf, gn));
        }
      }
  }
  return out;
}

function publicKeyValue(spki: Buffer): Value {
  const jwk = createPublicKey({
    key: spki,
    format: "der",
    type: "spki",
  }).export({ format: "jwk" }) as Record<string, string>;
  if (jwk.kty !== "RSA") return RObject.from(Object.entries(jwk).sort());
  const big = (s: string): bigint =>
    BigInt("0x" + Buffer.from(s, "base64url").toString("hex"));
  return new RObject().set("N", big(jwk.n!)).set("E", Number(big(jwk.e!)));
}

/**
 * Parses a DER PKCS#10 certificate request into an object shaped like
 * Go's `x509.CertificateRequest` JSON.
 */
export function csrValue(der: Buffer): Value {
  const top = expectTlv(der, 0, SEQ);
  if (top.end !== der.length)
    throw new BuiltinError("x509: trailing data after certificate request");
  const [info, sigAlg, sig] = children(der, top);
  if (!info || !sigAlg || !sig)
    throw new BuiltinError(
      "asn1: structure error: certificate request too short",
    );
  const [ver, subject, spki, attrs] = children(der, info);
  if (!ver || !subject || !spki)
    throw new BuiltinError(
      "asn1: structure error: certificate request info too short",
    );
  const keyAlg = oidArcs(der, children(der, children(der, spki)[0]!)[0]!).join(
    ".",
  );
  const sigOid = oidArcs(der, children(der, sigAlg)[0]!).join(".");
  const spkiDer = der.subarray(spki.start, spki.end);
  const o = new RObject()
    .set("Raw", der.toString("base64"))
    .set("RawTBSCertificateRequest", b64(der, info))
    .set("RawSubjectPublicKeyInfo", b64(der, spki))
    .set("RawSubject", b64(der, subject))
    .set("Version", der.readUIntBE(ver.body, ver.end - ver.body))
    .set("Signature", b64(der, sig, sig.body + 1))
    .set("SignatureAlgorithm", SIG_ALGS[sigOid] ?? 0)
    .set("PublicKeyAlgorithm", KEY_ALGS[keyAlg] ?? 0)
    .set("PublicKey", publicKeyValue(spkiDer))
    .set("Subject", nameValue(der, subject));
  const sans = sansOf(der, attrs);
  for (const [k, v] of Object.entries(sans)) o.set(k, v.length ? v : null);
  return o;
}

/** `crypto.x509.parse_certificate_request(csr)` on PEM or base64 input. */
export function parseCertificateRequest(input: string): Value {
  const dec = decodePemInput(input);
  let der: Buffer;
  if (dec.kind === "der") der = dec.der;
  else {
    const block = dec.blocks.find((b) =>
      b.label.endsWith("CERTIFICATE REQUEST"),
    );
    if (!block)
      throw new BuiltinError("invalid PEM-encoded certificate signing request");
    der = block.der;
  }
  try {
    return csrValue(der);
  } catch (e) {
    if (e instanceof BuiltinError) throw e;
    throw new BuiltinError(
      `x509: malformed certificate request: ${(e as Error).message}`,
      "eval_builtin_error",
      false,
      e,
    );
  }
}

register("crypto.x509.parse_certificate_request", 1, ([s]) =>
  parseCertificateRequest(str(s!, 1)),
);
