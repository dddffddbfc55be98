import { createHash } from "node:crypto";
import type { Finding } from "../../findings/finding.js";
import { findingKey } from "../../gate/judge.js";

const PREFIX = "<!-- gitops-gate:finding:";
const FIND = /<!-- gitops-gate:finding:([0-9a-f]{16}) -->/;

/**
 * A stable id of a finding for review comments: a hash, so the hidden
 * marker carries no finding text (and no secret). Pure.
 */
export function findingId(f: Finding): string {
  return createHash("sha256").update(findingKey(f)).digest("hex").slice(0, 16);
}

/** The hidden marker that ends a review comment about `id`. */
export function findingMarker(id: string): string {
  return `${PREFIX}${id} -->`;
}

/** The finding id a comment body carries, if any. */
export function markedFinding(body: string): string | undefined {
  return FIND.exec(body)?.[1];
}
