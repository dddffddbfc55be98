/** One problem of a config file. */
export interface ConfigProblem {
  /** Dotted key path, e.g. `checks.schema.unknownKinds`. */
  key: string;
  line?: number;
  message: string;
}

/**
 * Invalid repository config. The message names the file, each bad key with
 * its line and what is allowed, so a user can fix it without the docs.
 */
export class ConfigError extends Error {
  readonly file: string;
  readonly problems: ConfigProblem[];

  constructor(file: string, problems: ConfigProblem[], options?: ErrorOptions) {
    const lines = problems.map(
      (p) =>
        `  ${file}${p.line ? `:${p.line}` : ""}: ` +
        `${p.key || "(root)"}: ${p.message}`,
    );
    super(`invalid config ${file}:\n${lines.join("\n")}`, options);
    this.name = "ConfigError";
    this.file = file;
    this.problems = problems;
  }
}
