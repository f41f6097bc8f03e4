/** A syntax error with the 1-based column where it was found and what was expected there. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}
