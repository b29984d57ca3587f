/**
 * Errors the user can act on. `main` prints them as one line, `tq: <message>`, and exits 2;
 * anything else that reaches the top level is an internal error.
 */

/** A problem with the input, the config or the environment: exit code 2, no stack trace. */
export class TqError extends Error {
  override name = 'TqError'
}

/** A problem with the command line itself; the message ends with a pointer to `--help`. */
export class UsageError extends TqError {
  override name = 'UsageError'

  constructor(message: string) {
    super(`${message} (run 'tq --help' for usage)`)
  }
}
