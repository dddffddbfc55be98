import type {
  CompilePolicies,
  PolicyEvalOptions,
  RegoModuleSource,
} from "../engine.js";

/** How the fake answers a query: the value, or a throw. */
export type FakeAnswer = (opts: PolicyEvalOptions) => unknown;

/** An engine error shaped like `RegoError`. */
export class FakeRegoError extends Error {
  constructor(
    readonly errors: {
      code: string;
      message: string;
      location?: { file: string; row: number; col: number };
    }[],
  ) {
    super(errors.map((e) => e.message).join("; "));
  }
}

/**
 * A stand-in for the Rego engine: answers queries from a table, records
 * what was compiled, and throws when a module's source contains
 * `COMPILE_ERROR` (on that line). Tests of the check's wiring use it; the
 * policies themselves are tested against the real engine.
 */
export function fakeEngine(answers: Record<string, FakeAnswer>) {
  const compiled: RegoModuleSource[][] = [];
  const compile: CompilePolicies = (modules) => {
    compiled.push([...modules]);
    for (const m of modules) {
      const row = m.source
        .split("\n")
        .findIndex((l) => l.includes("COMPILE_ERROR"));
      if (row >= 0) {
        throw new FakeRegoError([
          {
            code: "rego_parse_error",
            message: "unexpected token",
            location: { file: m.path, row: row + 1, col: 3 },
          },
        ]);
      }
    }
    return {
      packages: () => [],
      prepare: (query) => ({
        eval: (opts) => {
          const answer = answers[query];
          if (!answer) return [];
          const value = answer(opts ?? {});
          return value === undefined ? [] : [{ expressions: [{ value }] }];
        },
      }),
    };
  };
  return { compile, compiled };
}
