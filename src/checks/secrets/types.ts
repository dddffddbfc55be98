import type { ResourceRef, Severity } from "../../findings/finding.js";

/** Text a decoder recovered (e.g. base64 `data`) to run the rules over. */
export interface DecodedSegment {
  /** 1-based source line every hit in `text` is reported on. */
  line: number;
  text: string;
  /** Where the text came from, for messages: `Secret data (base64)`. */
  where: string;
  /** The encoded form as written in the file, masked too. */
  encoded?: string;
  resource?: ResourceRef;
}

/** A secret about to become a finding. Holds the value: never output it. */
export interface Candidate {
  /** `aws:AWSSecretAccessKey`, `gg:credential-value`, ... */
  ruleId: string;
  /** What was found, without the value: `AWS Secret Access Key`. */
  title: string;
  path: string;
  line: number;
  endLine?: number;
  value: string;
  /** Context for the message: `Secret data (base64)`. */
  where?: string;
  severity: Severity;
  resource?: ResourceRef;
  /** Other forms of the value that outputs must not show. */
  alsoMask?: string[];
  /** Extra sentence for the message (never derived from the value). */
  note?: string;
  /** True when `value` is only an identity (no secret, no preview). */
  valueless?: boolean;
  /**
   * True when `line` is a line of an older commit, not of the head file:
   * the finding then names the file only (its message keeps the line).
   */
  offHead?: boolean;
}

/** What the decoders learnt about one file. */
export interface FileAnalysis {
  decoded: DecodedSegment[];
  /** Findings that need no rule engine (credential-shaped keys, SOPS). */
  candidates: Candidate[];
  /** Lines holding ciphertext (SOPS `ENC[...]`, SealedSecret data). */
  opaqueLines: Set<number>;
}

/** An empty analysis, for files no decoder understands. */
export function emptyAnalysis(): FileAnalysis {
  return { decoded: [], candidates: [], opaqueLines: new Set() };
}
