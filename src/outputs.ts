/** The step's outputs, named in one place. Every value is redacted before it is written. */
import * as core from '@actions/core'
import { redact } from './secrets.ts'

export interface Outputs {
  status: string
  score: string
  passed: boolean
  failedChecks: string[]
  report: string
  commentUrl: string
}

export function writeOutputs(outputs: Partial<Outputs>): void {
  for (const [name, value] of Object.entries(outputs)) {
    const text = Array.isArray(value) ? JSON.stringify(value) : String(value)
    core.setOutput(name, redact(text))
  }
}
