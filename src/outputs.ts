/** The step's outputs, named in one place. Every value is redacted before it is written. */
import * as core from '@actions/core'
import type { RuleBreak } from './decision.ts'
import { redact } from './secrets.ts'

export interface Outputs {
  status: string
  score: string
  passed: boolean
  failedChecks: string[]
  /** The checks that broke a checkThresholds rule, and the rule. */
  failedCheckRules: RuleBreak[]
  report: string
  commentUrl: string
  resultFile: string
  sarifFile: string
}

export function writeOutputs(outputs: Partial<Outputs>): void {
  for (const [name, value] of Object.entries(outputs)) {
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
    core.setOutput(name, redact(text))
  }
}
