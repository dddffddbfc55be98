import type { ResourceRef } from "../../../findings/finding.js";
import type { Candidate, FileAnalysis } from "../types.js";
import type { YamlDoc, YamlLeaf } from "../yamlLeaves.js";
import { base64Text } from "./base64Text.js";
import { credentialCandidate, type PairSite } from "./credentialCandidate.js";
import { dockerConfigCandidates } from "./dockerConfig.js";
import { envCandidates } from "./envDecoder.js";

/** Kinds that only reference secrets kept elsewhere: nothing to decode. */
const REFERENCE_KINDS = new Set([
  "ExternalSecret",
  "ClusterExternalSecret",
  "SecretStore",
  "ClusterSecretStore",
  "PushSecret",
]);

/**
 * Decodes Kubernetes objects: a Secret's `data` (base64) and `stringData`,
 * a ConfigMap's credential-shaped keys, and marks a SealedSecret's
 * `encryptedData` as ciphertext.
 */
export function decodeKubernetes(
  path: string,
  doc: YamlDoc,
  out: FileAnalysis,
): void {
  const kind = doc.top["kind"] ?? "";
  if (kind.endsWith("List")) {
    for (const item of listItems(doc)) decodeKubernetes(path, item, out);
    return;
  }
  if (REFERENCE_KINDS.has(kind)) return;
  const resource = resourceOf(doc);
  for (const leaf of doc.leaves) {
    if (kind === "Secret") decodeSecretLeaf(path, leaf, resource, out);
    else if (kind === "ConfigMap")
      decodeConfigMapLeaf(path, leaf, resource, out);
    else if (kind === "SealedSecret" && isSealed(leaf)) {
      out.opaqueLines.add(leaf.line);
    }
  }
}

function decodeSecretLeaf(
  path: string,
  leaf: YamlLeaf,
  resource: ResourceRef | undefined,
  out: FileAnalysis,
): void {
  const [field, key] = leaf.path;
  if (leaf.path.length !== 2 || typeof key !== "string") return;
  if (field === "stringData") {
    const where = "Secret stringData";
    const site = { path, line: leaf.line, where, ...opt(resource) };
    out.candidates.push(...plainValueCandidates(key, leaf, site));
    return;
  }
  if (field !== "data") return;
  const decoded = base64Text(leaf.value);
  if (decoded === undefined) return;
  const encoded = leaf.value.replace(/\s+/g, "");
  const where = "Secret data (base64)";
  // The key gives rules their context (`aws_secret_access_key: ...`).
  out.decoded.push({
    line: leaf.line,
    text: decoded.includes("\n") ? decoded : `${key}: ${decoded}`,
    where,
    encoded,
    ...opt(resource),
  });
  const site = {
    path,
    line: leaf.line,
    where,
    alsoMask: [encoded],
    ...opt(resource),
  };
  const direct = credentialCandidate(key, decoded, site);
  if (direct) out.candidates.push(direct);
  out.candidates.push(...envCandidates(decoded, site, true));
  out.candidates.push(...dockerConfigCandidates(key, decoded, site));
}

function decodeConfigMapLeaf(
  path: string,
  leaf: YamlLeaf,
  resource: ResourceRef | undefined,
  out: FileAnalysis,
): void {
  const [field, key] = leaf.path;
  if (field !== "data" || leaf.path.length !== 2 || typeof key !== "string") {
    return;
  }
  const where = "ConfigMap data";
  const site = { path, line: leaf.line, where, ...opt(resource) };
  out.candidates.push(...plainValueCandidates(key, leaf, site));
}

/**
 * A plain (not encoded) value under `key`: the value itself when the key
 * is credential-shaped, and the `key=value` / `key: value` lines of a
 * multi-line value (an `app.properties`, a `config.yaml`) or the members
 * of inline JSON, each on its own source line.
 */
function plainValueCandidates(
  key: string,
  leaf: YamlLeaf,
  site: PairSite,
): Candidate[] {
  const direct = credentialCandidate(key, leaf.value, site);
  const out = direct ? [direct] : [];
  const structured = leaf.value.includes("\n") || leaf.value.includes('":');
  if (!structured) return out;
  const first = leaf.block ? leaf.line + 1 : leaf.line;
  return [...out, ...envCandidates(leaf.value, { ...site, line: first })];
}

function isSealed(leaf: YamlLeaf): boolean {
  return leaf.path[0] === "spec" && leaf.path[1] === "encryptedData";
}

function resourceOf(doc: YamlDoc): ResourceRef | undefined {
  const name = doc.leaves.find(
    (l) =>
      l.path.length === 2 && l.path[0] === "metadata" && l.path[1] === "name",
  )?.value;
  const ns = doc.leaves.find(
    (l) =>
      l.path.length === 2 &&
      l.path[0] === "metadata" &&
      l.path[1] === "namespace",
  )?.value;
  const { apiVersion, kind } = doc.top;
  if (!name || !apiVersion || !kind) return undefined;
  return ns
    ? { apiVersion, kind, name, namespace: ns }
    : { apiVersion, kind, name };
}

function opt(resource: ResourceRef | undefined): { resource?: ResourceRef } {
  return resource ? { resource } : {};
}

/**
 * The items of a `List` (`v1/List`, `SecretList`: what `kubectl get -o
 * yaml` writes) as documents of their own.
 */
function listItems(doc: YamlDoc): YamlDoc[] {
  const items = new Map<number, YamlDoc>();
  for (const leaf of doc.leaves) {
    const [field, index, ...rest] = leaf.path;
    if (field !== "items" || typeof index !== "number") continue;
    const item = items.get(index) ?? { top: {}, leaves: [], spans: {} };
    item.leaves.push({ ...leaf, path: rest });
    if (rest.length === 1 && typeof rest[0] === "string") {
      item.top[rest[0]] = leaf.value;
    }
    items.set(index, item);
  }
  return [...items.values()];
}
