/**
 * What changed against the base branch: a pure function of this result's scans and the
 * base branch's. Scans are matched by tool, checks by name, findings by tool, rule and
 * location (a finding whose line moved within its file still counts as the same one).
 */
import { checkKey, lowestScan, scanIdentity, severityRank, type Finding, type Scan } from './scans.ts'

/** SSD's latest completed scan of the pull request's base branch. */
export interface Baseline {
  branch: string
  /** The commit the base result is of; '' when SSD did not say. */
  commit: string
  scans: Scan[]
}

export interface WorseCheck {
  name: string
  score: number
  baseScore: number
}

export interface Comparison {
  baseBranch: string
  baseCommit: string
  /** The base branch's gated score (its lowest scan score), as a number and as SSD wrote it. */
  baseScore: number | undefined
  baseScoreText: string
  /** This score minus the base branch's, to hundredths; undefined when either has no score. */
  scoreDelta: number | undefined
  /** Checks that scored lower than on the base branch, most dropped first. */
  worseChecks: WorseCheck[]
  /** Findings the base branch's scan does not have, most severe first. */
  newFindings: Finding[]
  /** The base branch's scans, for what the decision asks of them (a rule the base breaks too). */
  baseScans: Scan[]
}

export function compare(scans: Scan[], base: Baseline): Comparison {
  const head = lowestScan(scans)
  const baseLowest = lowestScan(base.scans)
  const scoreDelta =
    head?.score !== undefined && baseLowest?.score !== undefined
      ? Math.round((head.score - baseLowest.score) * 100) / 100
      : undefined
  return {
    baseBranch: base.branch,
    baseCommit: base.commit,
    baseScore: baseLowest?.score,
    baseScoreText: baseLowest?.scoreText ?? '',
    scoreDelta,
    worseChecks: worseChecks(scans, base.scans),
    newFindings: newFindings(scans, base.scans).sort((a, b) => severityRank(a) - severityRank(b)),
    baseScans: base.scans
  }
}

/** A scan's identity across two answers: its tool, whatever its position. */
function toolOf(scan: Scan): string {
  // Stryker disable next-line MethodExpression: upper or lower, both sides of a match go through here
  return scanIdentity(scan).toLowerCase()
}

function worseChecks(scans: Scan[], baseScans: Scan[]): WorseCheck[] {
  const before = new Map<string, number>()
  for (const scan of baseScans) {
    for (const check of scan.checks) {
      if (check.score !== null) before.set(checkKey(scan, check), check.score)
    }
  }
  const worse: WorseCheck[] = []
  for (const scan of scans) {
    for (const check of scan.checks) {
      const baseScore = before.get(checkKey(scan, check))
      if (check.score !== null && baseScore !== undefined && check.score < baseScore) {
        worse.push({ name: check.name, score: check.score, baseScore })
      }
    }
  }
  return worse.sort((a, b) => b.baseScore - b.score - (a.baseScore - a.score))
}

/** A finding and the tool that found it: findings of different tools are never the same. */
interface ToolFinding {
  tool: string
  finding: Finding
}

/**
 * Findings not on the base branch. Matched first on tool, rule, file and line, then what is
 * left on tool, rule and file alone: code added above a finding moves its line, not the finding.
 */
function newFindings(scans: Scan[], baseScans: Scan[]): Finding[] {
  const tagged = (list: Scan[]): ToolFinding[] =>
    list.flatMap((scan) => scan.findings.map((finding) => ({ tool: toolOf(scan), finding })))
  const byFile = ({ tool, finding }: ToolFinding): string => `${tool}\n${finding.rule}\n${finding.file}`
  // Stryker disable next-line StringLiteral: what stands for no line is the same on both sides of a match
  const byLine = (item: ToolFinding): string => `${byFile(item)}\n${item.finding.line ?? ''}`
  const [head, base] = matchAway(tagged(scans), tagged(baseScans), byLine)
  return matchAway(head, base, byFile)[0].map(({ finding }) => finding)
}

/** What is left of `a` and of `b` once each item of `a` is paired with one of `b` of the same key. */
function matchAway<T>(a: T[], b: T[], key: (item: T) => string): [T[], T[]] {
  const pool = new Map<string, T[]>()
  for (const item of b) {
    const bucket = pool.get(key(item))
    if (bucket) bucket.push(item)
    else pool.set(key(item), [item])
  }
  const left = a.filter((item) => pool.get(key(item))?.pop() === undefined)
  return [left, [...pool.values()].flat()]
}
