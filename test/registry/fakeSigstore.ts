import {
  createHash,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from "node:crypto";
import { dsse, json } from "@sigstore/core";
import {
  bits,
  bool,
  ctx,
  int,
  octets,
  oid,
  seq,
  set,
  time,
  tlv,
  utf8,
  type Der,
} from "./der.js";

/**
 * A private Sigstore for tests: a Fulcio-like CA, a CT log and a Rekor
 * key, with a trusted root naming them. It issues short-lived leaf
 * certificates with an embedded SCT and Rekor bundle annotations, so
 * keyless verification runs for real without the public-good instance.
 */

const ECDSA_SHA256 = seq(oid("1.2.840.10045.4.3.2"));
const name = (cn: string) => seq(set(seq(oid("2.5.4.3"), utf8(cn))));
const ext = (id: string, value: Der, critical = false) =>
  critical
    ? seq(oid(id), bool(true), octets(value))
    : seq(oid(id), octets(value));
const spki = (k: KeyObject) => k.export({ type: "spki", format: "der" });

interface CertSpec {
  serial: number;
  issuer: string;
  subject: string;
  key: KeyObject;
  extensions: Der[];
  notBefore: Date;
  notAfter: Date;
}

function tbs(c: CertSpec): Der {
  return seq(
    ctx(0, int(2)),
    int(c.serial),
    ECDSA_SHA256,
    name(c.issuer),
    seq(time(c.notBefore), time(c.notAfter)),
    name(c.subject),
    spki(c.key),
    ctx(3, seq(...c.extensions)),
  );
}

function certificate(body: Der, signer: KeyObject): Der {
  return seq(body, ECDSA_SHA256, bits(sign("sha256", body, signer)));
}

const sha256hex = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const derOf = (pem: string) =>
  pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

const pemOf = (der: Der) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString("base64")}\n-----END CERTIFICATE-----\n`;

const OID_SCT = "1.3.6.1.4.1.11129.2.4.2";
const OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";

/** A keyless signing identity issued by the fake CA. */
export interface KeylessSigner {
  privateKey: KeyObject;
  certificatePem: string;
}

/** A private Sigstore instance (see module comment). */
export class FakeSigstore {
  private readonly ca = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  private readonly ct = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  private readonly rekor = generateKeyPairSync("ec", {
    namedCurve: "prime256v1",
  });
  private readonly start = new Date(Date.now() - 24 * 3600_000);
  readonly rootDer: Der;

  constructor() {
    const basic = ext("2.5.29.19", seq(bool(true)), true);
    this.rootDer = certificate(
      tbs({
        serial: 1,
        issuer: "fake-fulcio",
        subject: "fake-fulcio",
        key: this.ca.publicKey,
        extensions: [basic],
        notBefore: this.start,
        notAfter: new Date(Date.now() + 24 * 3600_000),
      }),
      this.ca.privateKey,
    );
  }

  /** Trusted root JSON (protobuf-specs JSON form) naming this instance. */
  trustedRoot(): Record<string, unknown> {
    const validFor = { start: this.start.toISOString() };
    const log = (k: KeyObject, url: string) => ({
      baseUrl: url,
      hashAlgorithm: "SHA2_256",
      publicKey: {
        rawBytes: spki(k).toString("base64"),
        keyDetails: "PKIX_ECDSA_P256_SHA_256",
        validFor,
      },
      logId: { keyId: this.logId(k).toString("base64") },
    });
    return {
      mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
      tlogs: [log(this.rekor.publicKey, "https://rekor.test")],
      ctlogs: [log(this.ct.publicKey, "https://ct.test")],
      certificateAuthorities: [
        {
          subject: { organization: "test", commonName: "fake-fulcio" },
          uri: "https://fulcio.test",
          certChain: {
            certificates: [{ rawBytes: this.rootDer.toString("base64") }],
          },
          validFor,
        },
      ],
      timestampAuthorities: [],
    };
  }

  /** Issues a leaf certificate for `subject` (a URI) from `issuer`. */
  issue(subject: string, issuer: string): KeylessSigner {
    const leaf = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const spec: CertSpec = {
      serial: 2,
      issuer: "fake-fulcio",
      subject: "",
      key: leaf.publicKey,
      extensions: [
        ext("2.5.29.17", seq(tlv(0x86, Buffer.from(subject))), true),
        ext(OID_ISSUER_V1, Buffer.from(issuer)),
      ],
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 10 * 60_000),
    };
    const sct = this.sct(tbs(spec));
    spec.extensions.push(ext(OID_SCT, octets(sct)));
    const der = certificate(tbs(spec), this.ca.privateKey);
    return { privateKey: leaf.privateKey, certificatePem: pemOf(der) };
  }

  private logId(k: KeyObject): Buffer {
    return createHash("sha256").update(spki(k)).digest();
  }

  /** A TLS-encoded SCT list with one SCT over the precertificate. */
  private sct(precertTbs: Der): Buffer {
    const timestamp = Buffer.alloc(8);
    timestamp.writeBigUInt64BE(BigInt(Date.now()));
    const issuerHash = createHash("sha256")
      .update(spki(this.ca.publicKey))
      .digest();
    const tbsLen = Buffer.alloc(3);
    tbsLen.writeUIntBE(precertTbs.length, 0, 3);
    const signed = Buffer.concat([
      Buffer.from([0, 0]),
      timestamp,
      Buffer.from([0, 1]),
      issuerHash,
      tbsLen,
      precertTbs,
      Buffer.from([0, 0]),
    ]);
    const sig = sign("sha256", signed, this.ct.privateKey);
    const sigLen = Buffer.alloc(2);
    sigLen.writeUInt16BE(sig.length);
    const one = Buffer.concat([
      Buffer.from([0]),
      this.logId(this.ct.publicKey),
      timestamp,
      Buffer.from([0, 0, 4, 3]),
      sigLen,
      sig,
    ]);
    const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
    return Buffer.concat([u16(one.length + 2), u16(one.length), one]);
  }

  /**
   * cosign's `dev.sigstore.cosign/bundle` annotation for a hashedrekord
   * entry of `signature` over `payload`, signed by the fake Rekor.
   */
  rekorBundle(payload: Buffer, signature: Buffer, keyPem: string): string {
    const body = Buffer.from(
      JSON.stringify({
        apiVersion: "0.0.1",
        kind: "hashedrekord",
        spec: {
          data: { hash: { algorithm: "sha256", value: sha256hex(payload) } },
          signature: {
            content: signature.toString("base64"),
            publicKey: { content: Buffer.from(keyPem).toString("base64") },
          },
        },
      }),
    );
    const { entry, set } = this.promise(body, 7);
    return JSON.stringify({ SignedEntryTimestamp: set, Payload: entry });
  }

  /**
   * A Sigstore bundle v0.3 (JSON) of a DSSE statement signed by a keyless
   * signer, with a Rekor `dsse` entry carrying both an inclusion promise
   * and a one-leaf inclusion proof with a signed checkpoint.
   */
  dsseBundle(payload: Buffer, signer: KeylessSigner, payloadType: string) {
    const pae = dsse.preAuthEncoding(payloadType, payload);
    const sig = sign("sha256", pae, signer.privateKey).toString("base64");
    const body = Buffer.from(
      JSON.stringify({
        apiVersion: "0.0.1",
        kind: "dsse",
        spec: {
          signatures: [{ signature: sig, verifier: "" }],
          payloadHash: { algorithm: "sha256", value: sha256hex(payload) },
        },
      }),
    );
    const { entry, set } = this.promise(body, 0);
    const root = createHash("sha256")
      .update(Buffer.concat([Buffer.from([0]), body]))
      .digest();
    return {
      mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
      verificationMaterial: {
        certificate: { rawBytes: derOf(signer.certificatePem) },
        tlogEntries: [
          {
            logIndex: "0",
            logId: {
              keyId: this.logId(this.rekor.publicKey).toString("base64"),
            },
            kindVersion: { kind: "dsse", version: "0.0.1" },
            integratedTime: String(entry.integratedTime),
            inclusionPromise: { signedEntryTimestamp: set },
            inclusionProof: {
              logIndex: "0",
              rootHash: root.toString("base64"),
              treeSize: "1",
              hashes: [],
              checkpoint: { envelope: this.checkpoint(root) },
            },
            canonicalizedBody: body.toString("base64"),
          },
        ],
        timestampVerificationData: {},
      },
      dsseEnvelope: {
        payload: payload.toString("base64"),
        payloadType,
        signatures: [{ sig, keyid: "" }],
      },
    };
  }

  private promise(body: Buffer, logIndex: number) {
    const entry = {
      body: body.toString("base64"),
      integratedTime: Math.floor(Date.now() / 1000),
      logIndex,
      logID: this.logId(this.rekor.publicKey).toString("hex"),
    };
    const data = Buffer.from(json.canonicalize(entry));
    const set = sign("sha256", data, this.rekor.privateKey).toString("base64");
    return { entry, set };
  }

  /** A signed note for a one-entry log whose root is `root`. */
  private checkpoint(root: Buffer): string {
    const note = `rekor.test - 1\n1\n${root.toString("base64")}\n`;
    const sig = sign("sha256", Buffer.from(note), this.rekor.privateKey);
    const hint = this.logId(this.rekor.publicKey).subarray(0, 4);
    const signed = Buffer.concat([hint, sig]).toString("base64");
    return `${note}\n\u2014 rekor.test ${signed}\n`;
  }
}
