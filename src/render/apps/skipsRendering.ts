const MARKER = Buffer.from("+argocd:skip-file-rendering");

/**
 * True when a file carries Argo CD's marker for YAML that looks like a
 * manifest but is not one (values files, CI snippets). Like Argo CD, the
 * marker counts anywhere in the file, usually as a `#` comment.
 */
export function skipsRendering(content: Buffer): boolean {
  return content.includes(MARKER);
}
