/**
 * The gate itself, a pure function of the completed scans and the threshold.
 */
import type { Check, Scan } from './scans.ts'

export interface Decision {
  passed: boolean
  /** The lowest aggregate score among the scans that have one. */
  score: number | undefined
  /** That score as SSD wrote it, for the `score` output. */
  scoreText: string
  threshold: number
  /** Checks with a conclusive score below the threshold. -1 (inconclusive) never fails. */
  failedChecks: string[]
  /** One sentence for the log and the step's failure message. */
  summary: string
}

export function isFailing(check: Check, threshold: number): boolean {
  return check.score !== null && check.score < threshold
}

export function decide(scans: Scan[], threshold: number): Decision {
  const scored = scans.filter((scan) => scan.score !== undefined)
  const lowest = scored.reduce<Scan | undefined>(
    (worst, scan) => (worst === undefined || scan.score! < worst.score! ? scan : worst),
    undefined
  )
  const failedChecks = [
    ...new Set(scans.flatMap((scan) => scan.checks.filter((check) => isFailing(check, threshold)).map((c) => c.name)))
  ]
  if (lowest === undefined) {
    return {
      passed: false,
      score: undefined,
      scoreText: '',
      threshold,
      failedChecks,
      summary: `The SSD scan completed without a score (no metadata.score in any of ${scans.length} scan(s)), so there is nothing to gate on.`
    }
  }
  const passed = lowest.score! >= threshold
  const which = scored.length > 1 ? ` (lowest of ${scored.length} scans: ${lowest.name || lowest.tool})` : ''
  return {
    passed,
    score: lowest.score,
    scoreText: lowest.scoreText,
    threshold,
    failedChecks,
    summary: passed
      ? `SSD score ${lowest.scoreText}${which} meets the threshold ${threshold}.`
      : `SSD score ${lowest.scoreText}${which} is below the threshold ${threshold}.`
  }
}
