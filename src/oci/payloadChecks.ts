import { InvalidEvidenceError } from "./evidence.js";
import { IN_TOTO_PAYLOAD_TYPE } from "./mediaTypes.js";

const SIMPLE_SIGNING_TYPE = "cosign container image signature";

/**
 * Checks a cosign simple-signing payload names `digest` and has the cosign
 * type; `docker-reference` is ignored, as the signing spec says.
 */
export function checkSimpleSigning(payload: Buffer, digest: string): void {
  const json = parse(payload, "simple-signing payload") as {
    critical?: { type?: unknown; image?: Record<string, unknown> };
  };
  const critical = json.critical;
  if (critical?.type !== SIMPLE_SIGNING_TYPE) {
    throw new InvalidEvidenceError(
      `payload type is ${JSON.stringify(critical?.type)}, expected "${SIMPLE_SIGNING_TYPE}"`,
    );
  }
  const named = critical.image?.["docker-manifest-digest"];
  if (named !== digest) {
    throw new InvalidEvidenceError(
      `payload names ${String(named)}, not the image digest ${digest}`,
    );
  }
}

/**
 * Checks an in-toto statement has a subject with the image's sha256 and
 * returns its predicate type.
 */
export function checkStatement(
  payloadType: string,
  payload: Buffer,
  digest: string,
): string {
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new InvalidEvidenceError(`DSSE payload type is ${payloadType}`);
  }
  const json = parse(payload, "in-toto statement") as {
    _type?: unknown;
    predicateType?: unknown;
    subject?: { digest?: Record<string, unknown> }[];
  };
  if (typeof json.predicateType !== "string") {
    throw new InvalidEvidenceError("in-toto statement has no predicateType");
  }
  const hex = digest.replace(/^sha256:/, "");
  const subjects = Array.isArray(json.subject) ? json.subject : [];
  if (!subjects.some((s) => s?.digest?.["sha256"] === hex)) {
    throw new InvalidEvidenceError(
      `statement (${json.predicateType}) has no subject with digest ${digest}`,
    );
  }
  return json.predicateType;
}

function parse(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (cause) {
    throw new InvalidEvidenceError(`${what} is not valid JSON`, { cause });
  }
}
