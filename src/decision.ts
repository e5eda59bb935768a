/**
 * The gate itself, a pure function of the completed scans, the policy the inputs set, and
 * what the run knows besides: the comparison with the base branch (which findings are new,
 * how far the score dropped) and the waivers that apply.
 */
import type { Comparison } from './comparison.ts'
import {
  checkKey,
  lowestScan,
  scanName,
  SEVERITIES,
  type Check,
  type Finding,
  type Scan,
  type Severity
} from './scans.ts'
import { plural } from './text.ts'
import type { Waived, Waiver } from './waiver-outcome.ts'

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
  /** The base branch's same check breaks the same rule: the break predates the pull request. */
  onBase?: boolean
}

/** Which findings `failOnSeverity` counts. */
export type FindingScope =
  /** A pull request with a base-branch result to compare with: only the findings new against it. */
  | { kind: 'new'; baseBranch: string }
  /** Every finding; `why` says so in one line for the report ('' when there is nothing to say). */
  | { kind: 'all'; why: string }

/** What the gate knows besides the scans and the policy. */
export interface GateContext {
  /** What changed against the base branch: which findings are new, and maxScoreDrop. */
  comparison?: Comparison | undefined
  /** Which findings count; every finding when absent. */
  scope?: FindingScope
  /** Findings and checks an active waiver takes out of the gate. */
  waived?: readonly Waived[]
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
  /** Findings at or above failOnSeverity that count: in scope, and not waived. */
  severeFindings: number
  /** At or above failOnSeverity but already on the base branch: shown, never failing. */
  severeBaseFindings: number
  /** At or above failOnSeverity but waived. */
  severeWaivedFindings: number
  /** Which findings count, and why those. */
  scope: FindingScope
  /** The findings that were already on the base branch (scope 'new'): they never fail the step. */
  baseFindings: ReadonlySet<Finding>
  /** What the waivers took out of the gate, and the waiver that took each. */
  waived: readonly Waived[]
  waivedFindings: ReadonlyMap<Finding, Waiver>
  waivedChecks: ReadonlyMap<Check, Waiver>
  /** When the base branch's score is below the threshold too: says so, e.g. `main scores 3.4, below the threshold too: ...`. */
  baseBelowThreshold: string | undefined
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

/** What the author is told of a failure the base branch has too: it is not theirs to fix. */
export function predates(baseBranch: string): string {
  return `on ${baseBranch} too: this predates the pull request`
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

/** `waived`: it would fail, but an active waiver takes it out of the gate (it still shows). */
export type CheckVerdict = { status: 'failing' | 'inconclusive' | 'passing' | 'waived'; rule?: string }

/** The rule that governs a check: its own by name, else `*`. */
function ruleFor(check: Check, rules: CheckRule[]): CheckRule | undefined {
  const name = check.name.toLowerCase()
  return rules.find((rule) => rule.name === name) ?? rules.find((rule) => rule.name === '*')
}

/** How a check fares under the policy and the waivers, and which rule it broke if any. */
export function checkVerdict(check: Check, policy: Policy, waived?: ReadonlyMap<Check, Waiver>): CheckVerdict {
  const verdict = policyVerdict(check, policy)
  return verdict.status === 'failing' && waived?.has(check) ? { ...verdict, status: 'waived' } : verdict
}

function policyVerdict(check: Check, policy: Policy): CheckVerdict {
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

/** Whether the policy fails a check, before any waiver: what a check waiver can take out of the gate. */
export function failsPolicy(policy: Policy): (check: Check) => boolean {
  return (check) => checkVerdict(check, policy).status === 'failing'
}

function atOrAbove(severity: Severity | undefined, floor: Severity): boolean {
  return severity !== undefined && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(floor)
}

/** The gate's verdict on `scans` under `policy`, given what else the run knows (`context`). */
export function decide(scans: Scan[], policy: Policy, context: GateContext = {}): Decision {
  const { threshold } = policy
  const { comparison, scope = { kind: 'all', why: '' }, waived = [] } = context
  const waivedFindings = new Map<Finding, Waiver>()
  const waivedChecks = new Map<Check, Waiver>()
  for (const item of waived) {
    if (item.kind === 'finding') waivedFindings.set(item.finding, item.waiver)
    else waivedChecks.set(item.check, item.waiver)
  }
  const scored = scans.filter((scan) => scan.score !== undefined)
  const lowest = lowestScan(scans)
  const ruleBreaks: RuleBreak[] = []
  const failed = new Set<string>()
  for (const scan of scans) {
    for (const check of scan.checks) {
      const verdict = checkVerdict(check, policy, waivedChecks)
      if (verdict.status !== 'failing') continue
      failed.add(check.name)
      if (!verdict.rule) continue
      const onBase = comparison && brokenOnBase(scan, check, verdict.rule, comparison, policy)
      ruleBreaks.push({ check: check.name, score: check.score, rule: verdict.rule, ...(onBase ? { onBase } : {}) })
    }
  }
  const checks = scans.flatMap((scan) => scan.checks)
  const names = new Set(checks.map((check) => check.name.toLowerCase()))
  const unmatchedRules = policy.rules.filter((rule) => rule.name !== '*' && !names.has(rule.name))

  const floor = policy.failOnSeverity
  const baseFindings: ReadonlySet<Finding> =
    scope.kind === 'new' && comparison ? findingsOnBase(scans, comparison) : new Set()
  const severe = { counted: 0, base: 0, waived: 0 }
  // Stryker disable next-line ConditionalExpression: without a floor no finding is at or above it anyway; the test skips the loop
  if (floor) {
    for (const finding of scans.flatMap((scan) => scan.findings)) {
      if (!atOrAbove(finding.severity, floor)) continue
      if (waivedFindings.has(finding)) severe.waived++
      else if (baseFindings.has(finding)) severe.base++
      else severe.counted++
    }
  }
  const baseBelowThreshold =
    lowest?.score !== undefined &&
    lowest.score < threshold &&
    comparison?.baseScore !== undefined &&
    comparison.baseScore < threshold
      ? `${comparison.baseBranch} scores ${comparison.baseScoreText}, below the threshold too: this predates the pull request`
      : undefined

  const reasons: string[] = []
  // With failOnSeverity set, an answer of findings alone (Semgrep, Trivy...) is gated on them.
  const nothingToGateOn = lowest === undefined && !floor
  if (nothingToGateOn) {
    reasons.push(
      `The SSD scan completed without a score (no metadata.score in any of ${scans.length} scan(s)), so there is nothing to gate on.`
    )
  } else if (lowest?.score !== undefined && lowest.score < threshold) {
    const predating = baseBelowThreshold ? ` (${baseBelowThreshold})` : ''
    reasons.push(
      `SSD score ${lowest.scoreText}${lowestOf(scored, lowest)} is below the threshold ${threshold}${predating}.`
    )
  }
  for (const broken of ruleBreaks.slice(0, SUMMARY_RULE_BREAKS)) {
    const predating = broken.onBase && comparison ? ` (${predates(comparison.baseBranch)})` : ''
    reasons.push(`Check ${describeRuleBreak(broken)}${predating}.`)
  }
  if (ruleBreaks.length > SUMMARY_RULE_BREAKS) {
    reasons.push(
      `${(ruleBreaks.length - SUMMARY_RULE_BREAKS).toLocaleString('en-US')} more check(s) broke their checkThresholds rule (see the report and failedCheckRules).`
    )
  }
  if (severe.counted > 0) {
    reasons.push(`${severeFindingsLine(severe.counted, scope, floor)} (failOnSeverity).${uncounted(severe, scope)}`)
  }
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
    severeFindings: severe.counted,
    severeBaseFindings: severe.base,
    severeWaivedFindings: severe.waived,
    scope,
    baseFindings,
    waived,
    waivedFindings,
    waivedChecks,
    baseBelowThreshold,
    scoreDrop: drop,
    nothingToGateOn,
    summary: passed ? passSummary(scored, lowest, policy, scope) + uncounted(severe, scope) : reasons.join(' ')
  }
}

/**
 * Which findings count on this run: on a pull request with a base-branch result, only the new
 * ones (newFindingsOnly); otherwise every one, with the reason in one line.
 */
export function findingScope(
  newFindingsOnly: boolean,
  baseBranch: string | undefined,
  base: { comparison?: Comparison | undefined; unavailable?: string | undefined }
): FindingScope {
  const all = (why: string): FindingScope => ({ kind: 'all', why: `${why}: every finding counts.` })
  if (!baseBranch) return all('Not a pull request')
  if (!newFindingsOnly) return all('newFindingsOnly is off')
  if (base.comparison) return { kind: 'new', baseBranch: base.comparison.baseBranch }
  if (!base.unavailable) return all('compareWithBase is off, so nothing tells new findings from old')
  return all(`No result of ${baseBranch} to compare with`)
}

/** `2 new findings at or above high`, or without `new` when every finding counts. */
export function severeFindingsLine(count: number, scope: FindingScope, floor: Severity | undefined): string {
  return `${plural(count, scope.kind === 'new' ? 'new finding' : 'finding')} at or above ${floor}`
}

/** ` 3 already on main and 1 waived do not count.`: the severe findings the gate leaves out, if any. */
function uncounted(severe: { base: number; waived: number }, scope: FindingScope): string {
  const parts = [
    severe.base > 0 && scope.kind === 'new'
      ? `${severe.base.toLocaleString('en-US')} already on ${scope.baseBranch}`
      : '',
    severe.waived > 0 ? `${severe.waived.toLocaleString('en-US')} waived` : ''
  ].filter(Boolean)
  if (parts.length === 0) return ''
  return ` ${parts.join(' and ')} ${severe.base + severe.waived === 1 ? 'does' : 'do'} not count.`
}

/** The findings of `scans` that the base branch has too: those the comparison did not find new. */
function findingsOnBase(scans: Scan[], comparison: Comparison): Set<Finding> {
  const isNew = new Set(comparison.newFindings)
  return new Set(scans.flatMap((scan) => scan.findings).filter((finding) => !isNew.has(finding)))
}

/** Whether the base branch's same check (same tool, same name) breaks the same rule. */
function brokenOnBase(scan: Scan, check: Check, rule: string, comparison: Comparison, policy: Policy): boolean {
  const key = checkKey(scan, check)
  return comparison.baseScans.some((base) =>
    base.checks.some((baseCheck) => {
      if (checkKey(base, baseCheck) !== key) return false
      const verdict = policyVerdict(baseCheck, policy)
      return verdict.status === 'failing' && verdict.rule === rule
    })
  )
}

/** The maxScoreDrop reason, when the score dropped by more than it allows against the base branch. */
function scoreDrop(comparison: Comparison | undefined, policy: Policy): string | undefined {
  if (!comparison || comparison.scoreDelta === undefined || policy.maxScoreDrop === undefined) return undefined
  const dropped = -comparison.scoreDelta
  if (dropped <= policy.maxScoreDrop) return undefined
  return `The SSD score dropped by ${dropped} from ${comparison.baseBranch}'s ${comparison.baseScoreText}, more than maxScoreDrop ${policy.maxScoreDrop} allows.`
}

function passSummary(scored: Scan[], lowest: Scan | undefined, policy: Policy, scope: FindingScope): string {
  const none = `No ${scope.kind === 'new' ? 'new ' : ''}finding at or above severity ${policy.failOnSeverity}`
  if (lowest === undefined) return `${none}; no score to gate on.`
  const findings = policy.failOnSeverity ? ` ${none}.` : ''
  return `SSD score ${lowest.scoreText}${lowestOf(scored, lowest)} meets the threshold ${policy.threshold}.${findings}`
}

function lowestOf(scored: Scan[], lowest: Scan): string {
  return scored.length > 1 ? ` (lowest of ${scored.length} scans: ${scanName(lowest)})` : ''
}
