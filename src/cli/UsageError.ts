/**
 * A problem with how the CLI was called or what it was pointed at (exit
 * code 2). The message names the cause and the fix; no stack is shown.
 */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UsageError";
  }
}
