/** An error meant for the user: printed as one line, exits with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
    /** The details were printed already: exit without printing the message again. */
    readonly reported = false,
  ) {
    super(message);
  }
}
