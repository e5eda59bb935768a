/** Errors that end the run with a message meant for the user. */

/** Why polling ended without a completed scan; becomes the `status` output. */
export type EndStatus = 'Failed' | 'TimedOut' | 'Error' | 'Cancelled'

export class GateError extends Error {
  override name = 'GateError'
  readonly status: EndStatus

  constructor(status: EndStatus, message: string) {
    super(message)
    this.status = status
  }
}

/**
 * The waivers file cannot be used: too large, not valid YAML, or an entry that breaks the
 * file's rules. A GateError, so the run ends with status `Error`; its message is the whole
 * text for the user (the file, each bad entry with its number and line, what was expected).
 * Here rather than in waivers.ts, so that catching it does not load the YAML parser.
 */
export class WaiversFileError extends GateError {
  override name = 'WaiversFileError'

  constructor(message: string) {
    super('Error', message)
  }
}

/** The runner cancelled the job; `doing` says at which step, so the message tells where the run stopped. */
export function cancelled(
  doing: 'waiting for the SSD scan' | 'reporting the SSD result' | 'reading the waivers file'
): GateError {
  return new GateError('Cancelled', `Cancelled while ${doing}.`)
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
