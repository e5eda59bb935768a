/** The step's outputs, named in one place. Every value is redacted before it is written. */
import * as core from '@actions/core'
import type { RuleBreak } from './decision.ts'
import * as log from './log.ts'
import { scanName } from './scans.ts'
import { redact } from './secrets.ts'
import type { Waived } from './waiver-outcome.ts'

export interface Outputs {
  status: string
  /** The scan target gated on, given or found. */
  scanId: string
  /** The commit SSD says the result is of; '' when it did not say. */
  scannedCommit: string
  /** The base branch's score and this score minus it; '' when there was none to compare with. */
  baseScore: string
  scoreDelta: string
  score: string
  passed: boolean
  failedChecks: string[]
  /** The checks that broke a checkThresholds rule, and the rule. */
  failedCheckRules: Array<Pick<RuleBreak, 'check' | 'score' | 'rule'>>
  /** What the waivers took out of the gate (see waivedOutput). */
  waived: WaivedOutput[]
  report: string
  commentUrl: string
  resultFile: string
  sarifFile: string
}

/**
 * A job's outputs share 1 MB; `report` is capped at 65 KB, and a list output is cut to
 * this many bytes so that a huge answer cannot push the others out.
 */
const MAX_LIST_OUTPUT_BYTES = 256 * 1024

export function writeOutputs(outputs: Partial<Outputs>): void {
  for (const [name, value] of Object.entries(outputs)) {
    const text = Array.isArray(value) ? listJson(name, value) : String(value)
    core.setOutput(name, redact(text)) // an exit: the guarantee for outputs (see secrets.ts)
  }
}

/** The list as JSON, the first items only when all would not fit (with a warning). */
function listJson(name: string, items: unknown[]): string {
  const json = JSON.stringify(items)
  if (Buffer.byteLength(json) <= MAX_LIST_OUTPUT_BYTES) return json
  let kept = items.length
  while (kept > 0 && Buffer.byteLength(JSON.stringify(items.slice(0, kept))) > MAX_LIST_OUTPUT_BYTES) {
    kept = Math.floor(kept * 0.9)
  }
  log.warning(
    `The '${name}' output holds the first ${kept} of ${items.length} items, to stay within GitHub's output size limit; the full answer is in the 'resultFile' output.`
  )
  return JSON.stringify(items.slice(0, kept))
}

/** One waived finding or check as the `waived` output lists it; fields that do not apply are left out. */
export interface WaivedOutput {
  kind: 'finding' | 'check'
  tool: string
  rule?: string
  check?: string
  file?: string
  line?: number
  reason: string
  expires: string
}

export function waivedOutput(waived: readonly Waived[]): WaivedOutput[] {
  return waived.map((item) => {
    const { reason, expires } = item.waiver
    const tool = scanName(item.scan)
    if (item.kind === 'check') return { kind: 'check', tool, check: item.check.name, reason, expires }
    const { rule, file, line } = item.finding
    return {
      kind: 'finding',
      tool,
      ...(rule ? { rule } : {}),
      ...(file ? { file } : {}),
      ...(line !== undefined ? { line } : {}),
      reason,
      expires
    }
  })
}
