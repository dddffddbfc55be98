import type { CRule } from "./compileModules.js";

/** A node of the rule tree below `data`, keyed by static path segments. */
export class RuleNode {
  readonly children = new Map<string, RuleNode>();
  /** Rules whose static path prefix ends at this node (not functions). */
  readonly rules: CRule[] = [];
  /** True when this node or a descendant holds rules. */
  hasFuncs = false;
  /** True when a module declares this package. */
  isPackage = false;

  constructor(readonly path: string[]) {}

  child(seg: string): RuleNode {
    let c = this.children.get(seg);
    if (!c) {
      c = new RuleNode([...this.path, seg]);
      this.children.set(seg, c);
    }
    return c;
  }

  /** Marks the node at `path` as a package. */
  addPackage(path: string[]): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let n: RuleNode = this;
    for (const seg of path) n = n.child(seg);
    n.isPackage = true;
  }

  /** Places a rule at the node of its static prefix. */
  insert(r: CRule): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let n: RuleNode = this;
    for (let i = 0; i < r.staticLen; i++) {
      n = n.child(String((r.path[i] as { value: unknown }).value));
    }
    if (r.kind === "func") n.hasFuncs = true;
    else n.rules.push(r);
  }

  /** True when the node's subtree has no (non-function) rules. */
  isEmpty(): boolean {
    if (this.rules.length) return false;
    for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }
}
