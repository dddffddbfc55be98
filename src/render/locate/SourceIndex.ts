import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseYaml, type YamlDocument } from "../../manifests/parseYaml.js";

/**
 * Parsed source files of one render, loaded up front so that the
 * synchronous `Resource.locate` can look fields up in them. Files that do
 * not parse simply have no documents.
 */
export class SourceIndex {
  private readonly docs = new Map<string, YamlDocument[]>();

  constructor(private readonly root: string) {}

  /** Loads repo-relative files not loaded yet. */
  async load(paths: Iterable<string>): Promise<void> {
    const missing = [...new Set(paths)].filter((p) => !this.docs.has(p));
    await Promise.all(missing.map((p) => this.loadOne(p)));
  }

  /** Documents of a loaded file (empty when unknown or unparsable). */
  documents(path: string): YamlDocument[] {
    return this.docs.get(path) ?? [];
  }

  private async loadOne(path: string): Promise<void> {
    this.docs.set(path, []);
    let content: Buffer;
    try {
      content = await readFile(join(this.root, path));
    } catch (cause) {
      // A source that vanished or is a directory has no lines to point at.
      if ((cause as NodeJS.ErrnoException).code) return;
      throw cause;
    }
    this.docs.set(path, parseYaml(path, content).documents);
  }
}
