/**
 * The gate itself, a pure function of the completed scans and the policy the inputs set.
 */
import type { Comparison } from './comparison.ts'
import { lowestScan, scanName, SEVERITIES, type Check, type Scan, type Severity } from './scans.ts'

/** A per-check minimum from `checkThresholds`: `Dangerous-Workflow=10`, or `*=N` for every check. */
export interface CheckRule {
  /** Lower-cased check name, or `*`. */
  name: string
  minimum: number
  /** The line as the user wrote it, to name the rule in messages. */
  text: string
}

export interface Policy {
  threshold: number
  rules: CheckRule[]
  /** An inconclusive (-1) score on a check a rule names fails it. */
  failOnInconclusive: boolean
  /** Fail when a finding at or above this severity is present. */
  failOnSeverity: Severity | undefined
  /** Fail when the score dropped by more than this against the base branch; undefined: off. */
  maxScoreDrop?: number | undefined
}

/** A check that broke one of `checkThresholds`' rules. */
export interface RuleBreak {
  check: string
  /** null when inconclusive and failOnInconclusive is set. */
  score: number | null
  rule: string
}

export interface Decision {
  passed: boolean
  /** The lowest aggregate score among the scans that have one. */
  score: number | undefined
  /** That score as SSD wrote it, for the `score` output. */
  scoreText: string
  policy: Policy
  /** Checks scoring 0 or more but below the threshold, and checks that broke a rule. */
  failedChecks: string[]
  ruleBreaks: RuleBreak[]
  /** Rules naming a check the answer does not have: most likely a typo. */
  unmatchedRules: CheckRule[]
  /** Findings at or above failOnSeverity. */
  severeFindings: number
  /** Why the score dropped too far against the base branch (maxScoreDrop), if it did. */
  scoreDrop: string | undefined
  /** No score, and no failOnSeverity to gate findings on: a failure warnOnly does not soften. */
  nothingToGateOn: boolean
  /** One paragraph for the log and the step's failure message. */
  summary: string
}

/**
 * A broken rule in words, the one wording of the summary, the report and SARIF:
 * `Dangerous-Workflow scored 0, below its minimum (Dangerous-Workflow=10)`. `quote` words
 * the names that come from the answer and the inputs (escaped, in markdown).
 */
export function describeRuleBreak(broken: RuleBreak, quote: (text: string) => string = (text) => text): string {
  return broken.score === null
    ? `${quote(broken.check)} is inconclusive (-1), which fails with failOnInconclusive`
    : `${quote(broken.check)} scored ${broken.score}, below its minimum (${quote(broken.rule)})`
}

/**
 * Whether warnOnly turns this failure into a warning: it softens the gate's verdict, not an
 * answer that gave it nothing to gate on.
 */
export function softenedByWarnOnly(decision: Decision, warnOnly: boolean): boolean {
  return warnOnly && !decision.passed && !decision.nothingToGateOn
}

/** Broken rules the summary names; a `*=10` over 2,000 checks would otherwise make it a page long. */
const SUMMARY_RULE_BREAKS = 10

export type CheckVerdict = { status: 'failing' | 'inconclusive' | 'passing'; rule?: string }

/** The rule that governs a check: its own by name, else `*`. */
function ruleFor(check: Check, rules: CheckRule[]): CheckRule | undefined {
  if (rules.length === 0) return undefined
  const name = check.name.toLowerCase()
  return rules.find((rule) => rule.name === name) ?? rules.find((rule) => rule.name === '*')
}

/** How a check fares under the policy, and which rule it broke if any. */
export function checkVerdict(check: Check, policy: Policy): CheckVerdict {
  const rule = ruleFor(check, policy.rules)
  if (check.score === null) {
    return rule && policy.failOnInconclusive
      ? { status: 'failing', rule: 'failOnInconclusive' }
      : { status: 'inconclusive' }
  }
  if (rule && check.score < rule.minimum) return { status: 'failing', rule: rule.text }
  if (check.score < policy.threshold) return { status: 'failing' }
  return { status: 'passing' }
}

function atOrAbove(severity: Severity | undefined, floor: Severity): boolean {
  return severity !== undefined && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(floor)
}

/** `comparison`: what changed against the base branch, when there was one to compare with (maxScoreDrop). */
export function decide(scans: Scan[], policy: Policy, comparison?: Comparison): Decision {
  const { threshold } = policy
  const scored = scans.filter((scan) => scan.score !== undefined)
  const lowest = lowestScan(scans)
  const checks = scans.flatMap((scan) => scan.checks)
  const ruleBreaks: RuleBreak[] = []
  const failed = new Set<string>()
  for (const check of checks) {
    const verdict = checkVerdict(check, policy)
    if (verdict.status !== 'failing') continue
    failed.add(check.name)
    if (verdict.rule) ruleBreaks.push({ check: check.name, score: check.score, rule: verdict.rule })
  }
  const names = new Set(policy.rules.length ? checks.map((check) => check.name.toLowerCase()) : [])
  const unmatchedRules = policy.rules.filter((rule) => rule.name !== '*' && !names.has(rule.name))
  const floor = policy.failOnSeverity
  const severeFindings = floor
    ? scans.reduce((sum, scan) => sum + scan.findings.filter((f) => atOrAbove(f.severity, floor)).length, 0)
    : 0

  const reasons: string[] = []
  // With failOnSeverity set, an answer of findings alone (Semgrep, Trivy...) is gated on them.
  const nothingToGateOn = lowest === undefined && !floor
  if (nothingToGateOn) {
    reasons.push(
      `The SSD scan completed without a score (no metadata.score in any of ${scans.length} scan(s)), so there is nothing to gate on.`
    )
  } else if (lowest?.score !== undefined && lowest.score < threshold) {
    reasons.push(`SSD score ${lowest.scoreText}${lowestOf(scored, lowest)} is below the threshold ${threshold}.`)
  }
  for (const broken of ruleBreaks.slice(0, SUMMARY_RULE_BREAKS)) reasons.push(`Check ${describeRuleBreak(broken)}.`)
  if (ruleBreaks.length > SUMMARY_RULE_BREAKS) {
    reasons.push(
      `${(ruleBreaks.length - SUMMARY_RULE_BREAKS).toLocaleString('en-US')} more check(s) broke their checkThresholds rule (see the report and failedCheckRules).`
    )
  }
  if (severeFindings > 0) reasons.push(`${severeFindings} finding(s) at or above severity ${floor} (failOnSeverity).`)
  const drop = scoreDrop(comparison, policy)
  if (drop) reasons.push(drop)

  const passed = reasons.length === 0
  return {
    passed,
    score: lowest?.score,
    scoreText: lowest?.scoreText ?? '',
    policy,
    failedChecks: [...failed],
    ruleBreaks,
    unmatchedRules,
    severeFindings,
    scoreDrop: drop,
    nothingToGateOn,
    summary: passed ? passSummary(scored, lowest, policy) : reasons.join(' ')
  }
}

/** The maxScoreDrop reason, when the score dropped by more than it allows against the base branch. */
function scoreDrop(comparison: Comparison | undefined, policy: Policy): string | undefined {
  if (!comparison || comparison.scoreDelta === undefined || policy.maxScoreDrop === undefined) return undefined
  const dropped = -comparison.scoreDelta
  if (dropped <= policy.maxScoreDrop) return undefined
  return `The SSD score dropped by ${dropped} from ${comparison.baseBranch}'s ${comparison.baseScoreText}, more than maxScoreDrop ${policy.maxScoreDrop} allows.`
}

function passSummary(scored: Scan[], lowest: Scan | undefined, policy: Policy): string {
  if (lowest === undefined) return `No finding at or above severity ${policy.failOnSeverity}; no score to gate on.`
  return `SSD score ${lowest.scoreText}${lowestOf(scored, lowest)} meets the threshold ${policy.threshold}.`
}

function lowestOf(scored: Scan[], lowest: Scan): string {
  return scored.length > 1 ? ` (lowest of ${scored.length} scans: ${scanName(lowest)})` : ''
}
