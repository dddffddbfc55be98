import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

// Test-only material made with openssl for these tests (P-256).
const CERT = [
  "-----BEGIN CERTIFICATE-----",
  "MIIBfTCCASOgAwIBAgIUMr7IoN8GROavFAzmwLRLKE46an4wCgYIKoZIzj0EAwIw",
  "FDESMBAGA1UEAwwJZ2F0ZS50ZXN0MB4XDTI2MTIwMzIwMjUyOVoXDTM2MTEzMDIw",
  "MjUyOVowFDESMBAGA1UEAwwJZ2F0ZS50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0D",
  "AQcDQgAE2kvRYPwLw5IetxTk32ZlNK7iX2YQoXU0rXH1GLwO1VUsujZue9MXG2Pr",
  "7GcTes7TmLUocHhJBxy7vovWSS/976NTMFEwHQYDVR0OBBYEFDomwmq5tVG6gUfs",
  "RqvGHpEDnJ+BMB8GA1UdIwQYMBaAFDomwmq5tVG6gUfsRqvGHpEDnJ+BMA8GA1Ud",
  "EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgeRe5kP5kmG4AtiJqHElahIjk",
  "UmMynGEe2fv7+VlaTbUCIQDlqsrUgjSQ0nsmUCkRDKXyZ/apoFsx10Wl0KfAXhvt",
  "jQ==",
  "-----END CERTIFICATE-----",
].join("\n");
const KEY = [
  "-----BEGIN PRIVATE KEY-----",
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHFYvCpVGE0YV9D7X",
  "bt3FJNmNcRjWp0VPCrk3TSSQsDWhRANCAATaS9Fg/AvDkh63FOTfZmU0ruJfZhCh",
  "dTStcfUYvA7VVSy6Nm570xcbY+vsZxN6ztOYtShweEkHHLu+i9ZJL/3v",
  "-----END PRIVATE KEY-----",
].join("\n");
const CSR = [
  "-----BEGIN CERTIFICATE REQUEST-----",
  "MIIBNTCB3QIBADAzMQswCQYDVQQGEwJOTDERMA8GA1UECgwIR2F0ZSBPcmcxETAP",
  "BgNVBAMMCGNzci50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2kvRYPwL",
  "w5IetxTk32ZlNK7iX2YQoXU0rXH1GLwO1VUsujZue9MXG2Pr7GcTes7TmLUocHhJ",
  "Bxy7vovWSS/976BIMEYGCSqGSIb3DQEJDjE5MDcwNQYDVR0RBC4wLIIGYS50ZXN0",
  "ggZiLnRlc3SBCHhAeS50ZXN0hhBodHRwczovL3UudGVzdC9wMAoGCCqGSM49BAMC",
  "A0cAMEQCICkE/yPX7c3duTfAIZ2gc3NKDsjtSGj7r+gnUEof0NY0AiBJRFaFBkKv",
  "qokjCc76UHEbmBzcJ73MHzBZZRd/ZnRwUw==",
  "-----END CERTIFICATE REQUEST-----",
].join("\n");

const run = (q: string, input: unknown): unknown =>
  compile([]).eval(q, { strictBuiltinErrors: true, input })[0]?.bindings.x;
const b64 = (s: string): string => Buffer.from(s).toString("base64");
const field = (o: unknown, ...path: string[]): unknown =>
  path.reduce((v, k) => (v as Record<string, unknown>)[k], o);

describe("crypto.parse_private_keys", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
  const pkcs1 = rsa.export({ format: "pem", type: "pkcs1" }) as string;
  const sec1 = ec.export({ format: "pem", type: "sec1" }) as string;
  const pkcs8 = ec.export({ format: "pem", type: "pkcs8" }) as string;
  const q = "x := crypto.parse_private_keys(input.k)";
  const cases: { name: string; k: string; kty: string[] | null }[] = [
    { name: "PKCS#1 RSA", k: pkcs1, kty: ["RSA"] },
    { name: "SEC1 EC + PKCS#8", k: sec1 + pkcs8, kty: ["EC", "EC"] },
    { name: "base64 of PEM", k: b64(pkcs1), kty: ["RSA"] },
    { name: "skips certificates", k: CERT + KEY, kty: ["EC"] },
    { name: "no PEM", k: "nope", kty: [] },
    { name: "empty", k: "", kty: null },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = run(q, { k: c.k }) as { kty: string }[] | null;
      expect(got && got.map((o) => o.kty)).toEqual(c.kty);
    });
  it("rejects a corrupt key block", () => {
    const bad = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----";
    expect(() => run(q, { k: bad })).toThrow(/failed to parse PRIVATE KEY/);
  });
});

describe("crypto.x509.parse_keypair", () => {
  const q = "x := crypto.x509.parse_keypair(input.c, input.k)";
  const der = CERT.split("\n").slice(1, -1).join("");
  it("returns the certificate chain and key (PEM or base64)", () => {
    for (const [c, k] of [
      [CERT, KEY],
      [b64(CERT), b64(KEY)],
    ]) {
      const got = run(q, { c, k });
      expect(field(got, "Certificate")).toEqual([der]);
      expect(field(got, "PrivateKey", "crv")).toBe("P-256");
    }
  });
  it("rejects a key that does not belong to the certificate", () => {
    const other = generateKeyPairSync("ec", {
      namedCurve: "P-256",
    }).privateKey.export({ format: "pem", type: "pkcs8" }) as string;
    expect(() => run(q, { c: CERT, k: other })).toThrow(/does not match/);
  });
  it("rejects input without PEM data", () => {
    expect(() => run(q, { c: "YmFk", k: KEY })).toThrow(/PEM data/);
    expect(() => run(q, { c: CERT, k: CERT })).toThrow(/PRIVATE KEY/);
  });
});

describe("crypto.x509.parse_certificate_request", () => {
  const q = "x := crypto.x509.parse_certificate_request(input.c)";
  const der = CSR.split("\n").slice(1, -1).join("");
  const inputs = [CSR, b64(CSR), der];
  for (const c of inputs)
    it(`parses ${c.slice(0, 12)}…`, () => {
      const got = run(q, { c });
      expect(field(got, "Subject", "CommonName")).toBe("csr.test");
      expect(field(got, "Subject", "Organization")).toEqual(["Gate Org"]);
      expect(field(got, "Subject", "Country")).toEqual(["NL"]);
      expect(field(got, "DNSNames")).toEqual(["a.test", "b.test"]);
      expect(field(got, "EmailAddresses")).toEqual(["x@y.test"]);
      expect(field(got, "URIs")).toEqual(["https://u.test/p"]);
      expect(field(got, "PublicKeyAlgorithm")).toBe(3);
      expect(field(got, "SignatureAlgorithm")).toBe(10);
      expect(field(got, "Raw")).toBe(der);
    });
  const bad: { c: string; msg: RegExp }[] = [
    { c: "foobar", msg: /illegal base64 data at input byte 4/ },
    { c: b64("badstring"), msg: /asn1: structure error/ },
    { c: der.slice(0, 40), msg: /asn1: structure error/ },
    { c: CERT, msg: /certificate signing request/ },
  ];
  for (const c of bad)
    it(`rejects ${c.c.slice(0, 12)}`, () =>
      expect(() => run(q, { c: c.c })).toThrow(c.msg));
});
