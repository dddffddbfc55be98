/** One document of `helm template` output with its `# Source:` file. */
export interface HelmChunk {
  /** Chart-relative path, e.g. `web/templates/deployment.yaml`. */
  source?: string;
  text: string;
}

/**
 * Splits `helm template` output on document markers, keeping the
 * `# Source:` comment helm writes before every rendered template document.
 */
export function splitHelmOutput(stdout: string): HelmChunk[] {
  const chunks: HelmChunk[] = [];
  for (const text of stdout.split(/^---[ \t]*$/m)) {
    if (text.trim() === "") continue;
    const m = /^# Source: (.+)$/m.exec(text);
    const chunk: HelmChunk = { text };
    if (m?.[1]) chunk.source = m[1].trim();
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * Maps a `# Source:` path to the repo file: the first segment is the chart
 * name, the rest is relative to the chart directory (subcharts included).
 */
export function templatePath(chartDir: string, source: string): string {
  const rest = source.includes("/")
    ? source.slice(source.indexOf("/") + 1)
    : source;
  return chartDir === "" || chartDir === "." ? rest : `${chartDir}/${rest}`;
}
