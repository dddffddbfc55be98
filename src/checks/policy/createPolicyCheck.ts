import type { Config } from "../../config/schema.js";
import type { Finding } from "../../findings/finding.js";
import type { Tree } from "../../workspace/Tree.js";
import type { Check, CheckInput } from "../Check.js";
import { prepareBuiltinPack, type BuiltinPack } from "./builtinPack.js";
import { changedPolicyFindings } from "./changedPolicyFindings.js";
import { checkTarget, type PreparedPolicies } from "./checkTarget.js";
import { prepareConftest } from "./conftestPolicies.js";
import { dataDocument } from "./dataDocument.js";
import type { CompilePolicies, RegoModuleSource } from "./engine.js";
import { EvalGuard } from "./evalGuard.js";
import { prepareGatekeeper } from "./gatekeeper/gatekeeperPolicies.js";
import { parseGatekeeper } from "./gatekeeper/parseGatekeeper.js";
import {
  loadPolicyFiles,
  type PolicyFiles,
  type PolicySource,
} from "./loadPolicyFiles.js";
import { policyFinding } from "./policyFinding.js";

type PolicyConfig = Config["checks"]["policy"];
type OrgConfig = NonNullable<PolicyConfig["org"]>;

/** What the policy check needs from outside. */
export interface PolicyCheckDeps {
  compile: CompilePolicies;
  /** The built-in pack's Rego files (read once, then cached). */
  builtinPack(): Promise<RegoModuleSource[]>;
  /**
   * The org's central policy repository at `org.ref` (the app fetches it;
   * the CLI maps it to a local directory). Undefined when unavailable.
   */
  orgPolicies?(
    org: OrgConfig,
  ): Promise<Pick<Tree, "files" | "readFile"> | undefined>;
}

const DEFAULT_PATHS = new Set(["policy/"]);

/**
 * Builds the policy check: the org's conftest-style Rego and Gatekeeper
 * templates (from the base revision and the org's policy repository) plus
 * the built-in GitOps pack, over every resource of the affected targets.
 */
export function createPolicyCheck(deps: PolicyCheckDeps): Check {
  let pack: Promise<{ pack?: BuiltinPack; problems: Finding[] }> | undefined;
  const builtin = () =>
    (pack ??= deps
      .builtinPack()
      .then((files) => prepareBuiltinPack(deps.compile, files)));
  return {
    name: "policy",
    async run(input) {
      const cfg = input.config.checks.policy;
      if (!cfg.enabled) return [];
      const findings = changedPolicyFindings(input.changes, cfg.paths);
      const { policies, problems } = await prepare(input, cfg, deps, builtin);
      findings.push(...problems);
      const guard = new EvalGuard();
      const ctx = {
        config: cfg,
        environmentOf: input.environmentOf,
        guard,
        signal: input.signal,
      };
      for (const t of input.targets)
        findings.push(...checkTarget(t, policies, ctx));
      // Repeats across targets are merged by the gate, after overrides.
      return [...findings, ...guard.findings()];
    },
  };
}

async function prepare(
  input: CheckInput,
  cfg: PolicyConfig,
  deps: PolicyCheckDeps,
  builtin: () => Promise<{ pack?: BuiltinPack; problems: Finding[] }>,
): Promise<{ policies: PreparedPolicies; problems: Finding[] }> {
  const files = await loadAll(input, cfg, deps);
  const { data, problems: dataProblems } = dataDocument(files.data);
  const problems = [...files.problems, ...dataProblems];
  const conftest = prepareConftest({
    compile: deps.compile,
    modules: files.modules,
    data,
    namespaces: cfg.namespaces,
    regoVersion: cfg.regoVersion,
    location: { path: cfg.paths[0] ?? "policy/" },
  });
  const gk = prepareGatekeeper(deps.compile, parseGatekeeper(files.gatekeeper));
  problems.push(...conftest.problems, ...gk.problems);
  const policies: PreparedPolicies = { gatekeeper: gk.evaluator };
  if (conftest.policies) policies.conftest = conftest.policies;
  if (cfg.builtin.enabled) {
    const b = await builtin();
    problems.push(...b.problems);
    if (b.pack) policies.pack = b.pack;
  }
  return { policies, problems };
}

/** Policies from the base revision only, plus the org's repository. */
async function loadAll(
  input: CheckInput,
  cfg: PolicyConfig,
  deps: PolicyCheckDeps,
): Promise<PolicyFiles> {
  const sources: PolicySource[] = [
    {
      tree: input.base ?? input.head,
      roots: cfg.paths,
      display: (p) => p,
      optional: DEFAULT_PATHS,
    },
  ];
  const problems: Finding[] = [];
  if (cfg.org) {
    const org = cfg.org;
    const tree = await deps.orgPolicies?.(org);
    if (tree) {
      sources.push({
        tree,
        roots: [org.path],
        display: (p) => `${org.repo}@${org.ref}:${p}`,
        optional: new Set(),
      });
    } else {
      problems.push(
        policyFinding(
          "policy/org-load-failed",
          "error",
          `org policy repository ${org.repo}@${org.ref} (${org.path}) is ` +
            "configured but could not be read; its policies were not applied " +
            "(in the CLI, pass a local checkout of it with --org-policies DIR)",
          { path: ".github/gitops-gate.yml" },
        ),
      );
    }
  }
  const all = await Promise.all(sources.map(loadPolicyFiles));
  return {
    modules: all.flatMap((f) => f.modules),
    data: all.flatMap((f) => f.data),
    gatekeeper: all.flatMap((f) => f.gatekeeper),
    problems: [...problems, ...all.flatMap((f) => f.problems)],
  };
}
