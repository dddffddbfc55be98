import { expandAppSet, type AppSetExpansion } from "../expandAppSet.js";

/** This repository's URL in the fixtures. */
export const REPO = "https://github.com/acme/gitops.git";

const FILES: Record<string, string> = {
  "envs/dev/config.json":
    '{"env": "dev", "cluster": {"name": "c1"}, "zones": ["z1", "z2"]}',
  "envs/prod/config.json": '{"env": "prod", "cluster": {"name": "c2"}}',
  "apps/a/x.yaml": "",
  "apps/b/x.yaml": "",
  "apps/skip/x.yaml": "",
  "targets/a/east.json": '{"region": "east"}',
  "targets/b/west.json": '{"region": "west"}',
  "targets/b/north.json": '{"region": "north"}',
};

/** A generator entry. */
export type Gen = Record<string, unknown>;

/** A list generator. */
export const list = (...elements: Gen[]): Gen => ({ list: { elements } });

/** Git directories `apps/*` of this repo, without `apps/skip`. */
export const appDirs = (extra: Gen = {}): Gen => ({
  git: {
    repoURL: REPO,
    directories: [{ path: "apps/*" }, { path: "apps/skip", exclude: true }],
    ...extra,
  },
});

/** A git file generator on this repo. */
export const gitFiles = (path: string, extra: Gen = {}): Gen => ({
  git: { repoURL: REPO, files: [{ path }], ...extra },
});

/** A matrix generator. */
export const matrix = (...generators: Gen[]): Gen => ({
  matrix: { generators },
});

/** A merge generator. */
export const merge = (mergeKeys: string[], ...generators: Gen[]): Gen => ({
  merge: { mergeKeys, generators },
});

/** An expansion case: generators and the Application names expected. */
export interface Case {
  name: string;
  generators: Gen[];
  /** Template of `metadata.name`. */
  nameTemplate: string;
  goTemplate?: boolean;
  applyNestedSelectors?: boolean;
  names: string[];
  notices?: string[];
}

/** Expands an ApplicationSet of `c`'s generators over the fixture repo. */
export function expandCase(
  c: Omit<Case, "names" | "name">,
  template?: Gen,
): Promise<AppSetExpansion> {
  const appset = {
    spec: {
      goTemplate: c.goTemplate ?? false,
      applyNestedSelectors: c.applyNestedSelectors ?? false,
      generators: c.generators,
      template: template ?? { metadata: { name: c.nameTemplate } },
    },
  };
  const read = async (p: string) => Buffer.from(FILES[p] ?? "");
  return expandAppSet(appset, Object.keys(FILES).sort(), [REPO], read);
}

/** The `metadata.name` of every generated Application. */
export function namesOf(out: AppSetExpansion): string[] {
  return out.apps.map((a) => (a.app["metadata"] as { name: string }).name);
}
