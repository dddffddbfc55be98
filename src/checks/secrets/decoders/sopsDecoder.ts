import type { Candidate, FileAnalysis } from "../types.js";
import type { YamlDoc, YamlLeaf } from "../yamlLeaves.js";
import { mustEncrypt, type SopsRule } from "./sopsConfig.js";

const ENC = /^ENC\[[A-Z0-9_]+,/;

/** True when a document carries sops metadata: it was encrypted by sops. */
export function isSopsDocument(doc: YamlDoc): boolean {
  return doc.leaves.some(
    (l) =>
      l.path[0] === "sops" && (l.path[1] === "mac" || l.path[1] === "version"),
  );
}

/**
 * Marks a sops-encrypted document's ciphertext and metadata as opaque, and
 * reports values that the `.sops.yaml` rule says must be encrypted but are
 * plaintext. A Secret without sops metadata under a rule with `path_regex`
 * is reported too: it was meant to be encrypted.
 */
export function decodeSops(
  path: string,
  doc: YamlDoc,
  rule: SopsRule | undefined,
  out: FileAnalysis,
): void {
  const encrypted = isSopsDocument(doc);
  if (encrypted) markOpaque(doc, out);
  if (!rule || (!encrypted && !isPlainSecretUnderRule(doc, rule))) return;
  for (const leaf of doc.leaves) {
    if (leaf.path[0] === "sops" || leaf.value === "" || ENC.test(leaf.value)) {
      continue;
    }
    if (!encrypted && !isSecretData(leaf)) continue;
    const keys = leaf.path.filter((k): k is string => typeof k === "string");
    if (mustEncrypt(rule, keys))
      out.candidates.push(unencrypted(path, leaf, rule, encrypted));
  }
}

function markOpaque(doc: YamlDoc, out: FileAnalysis): void {
  const [from, to] = doc.spans["sops"] ?? [0, -1];
  for (let line = from; line <= to; line++) out.opaqueLines.add(line);
  for (const leaf of doc.leaves) {
    if (ENC.test(leaf.value)) out.opaqueLines.add(leaf.line);
  }
}

function isPlainSecretUnderRule(doc: YamlDoc, rule: SopsRule): boolean {
  return rule.pathRegex !== undefined && doc.top["kind"] === "Secret";
}

function isSecretData(leaf: YamlLeaf): boolean {
  return leaf.path[0] === "data" || leaf.path[0] === "stringData";
}

function unencrypted(
  path: string,
  leaf: YamlLeaf,
  rule: SopsRule,
  encrypted: boolean,
): Candidate {
  const why = encrypted
    ? "the file is sops-encrypted but this value is plaintext"
    : "the file has no sops metadata: it was committed unencrypted";
  return {
    ruleId: encrypted ? "gg:sops-unencrypted" : "gg:sops-not-encrypted",
    title: "value that .sops.yaml says must be encrypted",
    path,
    line: leaf.line,
    value: leaf.value,
    severity: "error",
    note: `${why} (creation_rules[${rule.index}]). Encrypt it with sops.`,
  };
}
