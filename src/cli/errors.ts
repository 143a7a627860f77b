/** exit code for a user's mistake: bad arguments, unreadable or unsuitable file */
export const EXIT_USAGE = 2;

/**
 * A mistake of the user's (bad file, bad option): printed as one line, Vietnamese then English,
 * without a stack trace. `details` are extra lines (e.g. the errors of a criteria-set file); `reason` says
 * what is wrong with a file without naming it, for lists of files (folder mode).
 */
export class UserError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly details: readonly string[] = [],
    readonly reason?: string,
  ) {
    super(`${vi} (${en})`);
    this.name = "UserError";
  }
}
