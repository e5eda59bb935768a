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

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
