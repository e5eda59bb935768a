/**
 * The result as SARIF 2.1.0, for GitHub code scanning (upload it with
 * github/codeql-action/upload-sarif). A pure function: one run per scan, one rule per
 * check, one result per failing check, one result per finding; a waived check or finding
 * carries SARIF's suppression, with the waiver's reason.
 */
import { checkVerdict, describeRuleBreak, type Decision } from './decision.ts'
import { safeUrl } from './markdown.ts'
import { scanIdentity, scanName, type Check, type Finding, type Scan, type Severity } from './scans.ts'
import { TRAILING_SLASHES } from './text.ts'
import type { Waiver } from './waiver-outcome.ts'

type Level = 'error' | 'warning' | 'note'

/** OpenSSF Scorecard's risk levels: Critical and High are errors, Medium a warning, Low a note. */
const RISK: Record<Level, string[]> = {
  error: [
    'Dangerous-Workflow',
    'Binary-Artifacts',
    'Branch-Protection',
    'Code-Review',
    'Dependency-Update-Tool',
    'Maintained',
    'Signed-Releases',
    'Token-Permissions',
    'Vulnerabilities',
    'Webhooks'
  ],
  // Stryker disable next-line ArrayDeclaration,StringLiteral: a check not in the table is a warning too; the row is Scorecard's table as written
  warning: ['Fuzzing', 'Packaging', 'Pinned-Dependencies', 'SAST', 'Security-Policy'],
  note: ['CI-Tests', 'CII-Best-Practices', 'Contributors', 'License']
}
const CHECK_RISK = new Map(
  Object.entries(RISK).flatMap(([level, names]) => names.map((name) => [name.toLowerCase(), level as Level]))
)

/** GitHub shows the first 5,000 results of a run and refuses runs of more than 25,000. */
const MAX_RESULTS_PER_RUN = 5000

const FINDING_LEVEL: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/** Scorecard's checks are about the repository, not a line: the alert points at its root. */
const REPOSITORY_LOCATION = {
  physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } }
}

export function checkLevel(name: string): Level {
  return CHECK_RISK.get(name.toLowerCase()) ?? 'warning'
}

/** upload-sarif refuses more runs than this in one file. */
const MAX_RUNS = 20

/** Where the result comes from: the gate step's project, scan type and header, the scan target, and the commit ('' when unknown). */
export interface Provenance {
  projectId: string
  scanType: string
  /** `commentHeader`, '' when not set. */
  header: string
  scanId: string
  repository: string
  branch: string
  commit: string
}

/** `workspace` is the checked-out repository, so absolute file paths from SSD can be made relative. */
export function buildSarif(scans: Scan[], decision: Decision, workspace: string, provenance: Provenance): object {
  const kept = scans.slice(0, MAX_RUNS)
  const categoryOf = runCategorizer(provenance)
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: kept.map((scan) => buildRun(scan, categoryOf(scan), decision, workspace, provenance))
  }
}

/**
 * Each run's code scanning category: the gate step (project, scan type, header) and the
 * tool, never its position in SSD's answer, so a category neither moves when SSD reorders
 * or adds tools (which would leave old alerts open) nor collides with another gate's
 * (which would close its alerts). A tool that appears twice gets `-2` on its second run.
 */
export function runCategories(scans: Scan[], provenance: Provenance): string[] {
  return scans.map(runCategorizer(provenance))
}

/** Gives each scan of one answer, taken in order, its run's category (see runCategories). */
function runCategorizer(provenance: Provenance): (scan: Scan) => string {
  const step = [provenance.projectId, provenance.scanType, provenance.header].filter(Boolean).map(segment)
  const seen = new Map<string, number>()
  return (scan) => {
    const tool = segment(scanIdentity(scan) || 'ssd')
    const count = (seen.get(tool) ?? 0) + 1
    seen.set(tool, count)
    return `opsmx-ssd/${[...step, count > 1 ? `${tool}-${count}` : tool].join('/')}/`
  }
}

/** One path segment of a category: readable, and free of `/` and spaces. */
function segment(value: string): string {
  return (
    // Stryker disable next-line MethodExpression: untrimmed, outer spaces become a '-' that the ends' trim removes
    value
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      // The end's run is matched from its first '-' only: from each '-' of a long run, quadratic.
      .replace(/^-+|(?<!-)-+$/g, '')
      .slice(0, 60) || 'unnamed'
  )
}

function buildRun(scan: Scan, category: string, decision: Decision, workspace: string, provenance: Provenance): object {
  // One rule per id: checks and findings share the list, and ids are normalised names.
  const rules = new Map<string, object>()
  for (const check of scan.checks) {
    const id = ruleId(check.name)
    if (rules.has(id)) continue
    const helpUri = safeUrl(check.url)
    rules.set(id, {
      id,
      name: pascal(check.name),
      shortDescription: { text: check.description || check.name },
      fullDescription: { text: check.description || check.name },
      ...(helpUri ? { helpUri } : {}),
      help: { text: check.description || check.name },
      defaultConfiguration: { level: checkLevel(check.name) },
      properties: { tags: ['supply-chain', 'security'] }
    })
  }
  for (const finding of scan.findings) {
    const id = ruleId(finding.rule || 'finding')
    if (rules.has(id)) continue
    rules.set(id, {
      id,
      name: pascal(finding.rule || 'finding'),
      shortDescription: { text: finding.rule || 'Finding' },
      defaultConfiguration: { level: finding.severity ? FINDING_LEVEL[finding.severity] : 'warning' }
    })
  }
  const results = [
    ...scan.checks.flatMap((check) => checkResult(check, decision)),
    ...scan.findings.map((finding) => findingResult(finding, workspace, decision.waivedFindings.get(finding)))
  ].slice(0, MAX_RESULTS_PER_RUN)
  const toolName = scanName(scan)
  return {
    tool: {
      driver: {
        name: toolName,
        ...(scan.version ? { semanticVersion: scan.version.replace(/^v/, ''), version: scan.version } : {}),
        informationUri: 'https://www.opsmx.com/',
        rules: [...rules.values()]
      }
    },
    // Code scanning rejects two runs of one tool in one upload unless their categories differ.
    automationDetails: { id: category },
    results,
    properties: {
      // Stryker disable next-line ConditionalExpression: JSON leaves out a field whose value is undefined
      ...(scan.score !== undefined ? { score: scan.score } : {}),
      ssdScanId: provenance.scanId,
      repository: provenance.repository,
      branch: provenance.branch,
      ...(provenance.commit ? { commit: provenance.commit } : {})
    }
  }
}

/**
 * SARIF's own way to say a result is accepted: code scanning shows it as dismissed, with the
 * waiver's reason, instead of as an open alert.
 */
function suppressedBy(waiver: Waiver | undefined): object {
  return waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: waiver.reason }] } : {}
}

function checkResult(check: Check, decision: Decision): object[] {
  const verdict = checkVerdict(check, decision.policy, decision.waivedChecks)
  if (verdict.status !== 'failing' && verdict.status !== 'waived') return []
  const why = verdict.rule
    ? describeRuleBreak({ check: check.name, score: check.score, rule: verdict.rule })
    : `${check.name} scored ${check.score}, below the threshold ${decision.policy.threshold}`
  return [
    {
      ruleId: ruleId(check.name),
      level: checkLevel(check.name),
      message: { text: `${why}: ${check.reason || 'no reason given'}` },
      locations: [REPOSITORY_LOCATION],
      partialFingerprints: { checkName: check.name },
      ...suppressedBy(decision.waivedChecks.get(check))
    }
  ]
}

function findingResult(finding: Finding, workspace: string, waiver: Waiver | undefined): object {
  const location = finding.file
    ? {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file, workspace),
          // Stryker disable next-line ConditionalExpression,EqualityOperator: undefined >= 1 is false, and line 1 is 1 either way
          region: { startLine: finding.line !== undefined && finding.line >= 1 ? Math.floor(finding.line) : 1 }
        }
      }
    : REPOSITORY_LOCATION
  return {
    ruleId: ruleId(finding.rule || 'finding'),
    level: finding.severity ? FINDING_LEVEL[finding.severity] : 'warning',
    message: { text: finding.message || finding.rule || 'finding' },
    locations: [location],
    ...suppressedBy(waiver)
  }
}

/**
 * A file path from SSD as a SARIF location: relative to the repository when it can be (so
 * code scanning can show the line), always a valid URI reference.
 */
export function artifactLocation(file: string, workspace: string): { uri: string; uriBaseId?: string } {
  const root = workspace.replace(/\\/g, '/').replace(TRAILING_SLASHES, '')
  let path = file.replace(/\\/g, '/')
  if (root && path.startsWith(`${root}/`)) path = path.slice(root.length + 1)
  const absolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path)
  // encodeURI leaves # and ? alone, which would start a fragment or a query.
  const encode = (value: string): string => encodeURI(value).replace(/[#?]/g, encodeURIComponent)
  if (absolute) return { uri: encode(`file://${path.startsWith('/') ? '' : '/'}${path}`) }
  return { uri: encode(path.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' }
}

/** Rule ids are stable, case-preserving and free of spaces. */
function ruleId(name: string): string {
  return name.trim().replace(/\s+/g, '-') || 'unnamed'
}

/**
 * `Code Review` and `js.eval-injection` as `CodeReview` and `JsEvalInjection`; a name with no
 * letter or digit as it is. A split, not a replace: a pattern that backtracks over a run of
 * separators is quadratic in a long hostile name.
 */
function pascal(name: string): string {
  // Stryker disable next-line Regex: split at each separator instead, the empty words are filtered out the same
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return words.length > 0 ? words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('') : name
}
