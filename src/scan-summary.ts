/**
 * SSD's summary of the latest scan of one project, repository and branch
 * (`sourceScan/summarydata`), validated. It is the only place SSD names the commit a
 * result is of: `filedata` answers the latest result of a scan target and names none.
 */
import { AnswerShapeError, stateOf, type ScanState } from './scans.ts'

export interface ScanSummary {
  /** The scan target's id: one per project, repository and branch, reused by every rescan. */
  scanId: string
  /** The commit SSD's latest scan of the branch is of, lower-case; '' when SSD did not say. */
  headCommit: string
  /** As SSD wrote it (pending, scanning, completed, fail). */
  status: string
  state: ScanState
  /** Needed to ask for a rescan. */
  projectName: string
  platform: string
  lastScannedAt: string
}

/**
 * The summary, or undefined when SSD has no scan of the branch yet (an empty object, or
 * one without a scanId). Anything that is not an object is not the documented summary.
 */
export function parseSummary(answer: unknown): ScanSummary | undefined {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new AnswerShapeError(
      `expected a JSON object, got ${answer === null ? 'null' : Array.isArray(answer) ? 'an array' : typeof answer}`
    )
  }
  const field = (name: string): string => {
    const value: unknown = Object.hasOwn(answer, name) ? (answer as Record<string, unknown>)[name] : undefined
    return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
  }
  const scanId = field('scanId')
  if (!scanId) return undefined
  const headCommit = field('headCommit').toLowerCase()
  const status = field('status')
  return {
    scanId,
    // Only a SHA can be compared and linked; anything else counts as "SSD did not say".
    headCommit: /^[0-9a-f]{7,40}$/.test(headCommit) ? headCommit : '',
    status,
    state: stateOf(status),
    projectName: field('projectName'),
    platform: field('platform'),
    lastScannedAt: field('lastScannedAt')
  }
}

/** Either SHA may be abbreviated (7+ characters): they match when one starts the other. */
export function sameCommit(a: string, b: string): boolean {
  if (a.length < 7 || b.length < 7) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.toLowerCase().startsWith(short.toLowerCase())
}

/** `1a2b3c4`: the short form people know from GitHub. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7)
}
