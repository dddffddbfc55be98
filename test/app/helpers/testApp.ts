import { generateKeyPairSync } from "node:crypto";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { createProbot, ProbotOctokit, type Probot } from "probot";
import { createApp } from "../../../src/app/createApp.js";
import { DEFAULT_LIMITS, type AppDeps } from "../../../src/app/job/AppDeps.js";
import { JobRegistry } from "../../../src/app/job/JobRegistry.js";
import { createMetrics } from "../../../src/app/ops/metrics.js";
import { runGate } from "../../../src/gate/runGate.js";
import { markdownReport } from "../../../src/report/markdownReport.js";
import { builtinRuleExplainer } from "../../../src/app/commands/explainRule.js";

/** Parent of the jobs' checkouts (each job removes its own). */
const TMP_ROOT = join(tmpdir(), "gitops-gate-app-tests");
mkdirSync(TMP_ROOT, { recursive: true });

/** The webhook secret of test apps. */
export const WEBHOOK_SECRET = "test-webhook-secret";

let key: string | undefined;
/** One RSA key per test file: generating it is the slow part. */
function privateKey(): string {
  key ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return key;
}

const FAST_THROTTLE = {
  retryAfterBaseValue: 1,
  fallbackSecondaryRateRetryAfter: 1,
  write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  global: new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 }),
};

/**
 * Octokit as in production (retry and throttling plugins on) but with
 * backoff in milliseconds instead of seconds and no 1 s spacing between
 * writes. Probot builds its options and passes them to this constructor,
 * so the throttle settings are merged here, after Probot's.
 */
export class FastOctokit extends ProbotOctokit {
  constructor(options: ConstructorParameters<typeof ProbotOctokit>[0] = {}) {
    super({
      ...options,
      retry: { retryAfterBaseValue: 1 },
      throttle: { ...options.throttle, ...FAST_THROTTLE } as never,
    });
  }
}

/** A test app: Probot, its parts, and the log lines it wrote. */
export interface TestApp {
  probot: Probot;
  deps: AppDeps;
  logs: Record<string, unknown>[];
}

/** Deps for tests: the real gate and report unless overridden. */
export function testDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    gate: (request) => runGate(request),
    report: markdownReport,
    explainRule: builtinRuleExplainer(),
    registry: new JobRegistry(),
    metrics: createMetrics(),
    limits: {
      ...DEFAULT_LIMITS,
      requestTimeoutMs: 2000,
      retryAfterUnitMs: 1,
    },
    tmpRoot: TMP_ROOT,
    now: () => new Date("2026-01-02T03:04:05Z"),
    ...overrides,
  };
}

/**
 * Builds a Probot instance running the app against the GitHub double;
 * `load: false` leaves loading to the caller (`createNodeMiddleware`).
 */
export async function testApp(
  deps = testDeps(),
  { load = true, env = {} as Record<string, string> } = {},
): Promise<TestApp> {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  // createProbot reads the environment as `probot run` does (GHE_HOST…).
  const probot = createProbot({
    env: {
      APP_ID: "1",
      PRIVATE_KEY: privateKey(),
      WEBHOOK_SECRET,
      ...env,
    },
    overrides: {
      Octokit: FastOctokit,
      log: pino({ level: "debug" }, stream),
    },
  });
  if (load) {
    await probot.load(createApp(deps), {
      cwd: process.cwd(),
      addHandler: () => {},
    });
  }
  return { probot, deps, logs };
}
