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

/** The runner cancelled the job; `doing` says at which step, so the message tells where the run stopped. */
export function cancelled(doing: 'waiting for the SSD scan' | 'reporting the SSD result'): GateError {
  return new GateError('Cancelled', `Cancelled while ${doing}.`)
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
