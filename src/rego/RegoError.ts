/** Where an error happened. */
export interface RegoLocation {
  file: string;
  row: number;
  col: number;
}

/** One error detail, as OPA reports it. */
export interface RegoErrorDetail {
  code: string;
  message: string;
  location?: RegoLocation;
}

/**
 * An error from parsing, compiling or evaluating Rego. `code` is OPA's error
 * code (`rego_parse_error`, `eval_conflict_error`, ...); `message` formats
 * each detail as `file:row: code: message`.
 */
export class RegoError extends Error {
  readonly code: string;
  readonly errors: RegoErrorDetail[];

  constructor(errors: RegoErrorDetail[], options?: { cause?: unknown }) {
    super(formatErrors(errors), options);
    this.name = "RegoError";
    this.code = errors[0]?.code ?? "rego_error";
    this.errors = errors;
  }

  /** An error with a single detail. */
  static single(
    code: string,
    message: string,
    location?: RegoLocation,
    cause?: unknown,
  ): RegoError {
    return new RegoError([{ code, message, location }], { cause });
  }
}

function formatOne(e: RegoErrorDetail): string {
  const loc = e.location ? `${e.location.file}:${e.location.row}: ` : "";
  return `${loc}${e.code}: ${e.message}`;
}

function formatErrors(errors: RegoErrorDetail[]): string {
  if (errors.length === 1) return formatOne(errors[0]!);
  return (
    `${errors.length} errors occurred:\n` + errors.map(formatOne).join("\n")
  );
}
