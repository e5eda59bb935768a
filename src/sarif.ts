/**
 * The result as SARIF 2.1.0, for GitHub code scanning (upload it with
 * github/codeql-action/upload-sarif). A pure function: one run per scan, one rule per
 * check, one result per failing check, one result per finding.
 */
import { checkVerdict, type Decision } from './decision.ts'
import { safeUrl } from './markdown.ts'
import type { Check, Finding, Scan, Severity } from './scans.ts'

type Level = 'error' | 'warning' | 'note'

/** OpenSSF Scorecard's own risk table: Critical and High are errors, Medium a warning, Low a note. */
const CHECK_RISK: Record<string, Level> = {
  'dangerous-workflow': 'error',
  maintained: 'error',
  'dependency-update-tool': 'error',
  'binary-artifacts': 'error',
  'branch-protection': 'error',
  'signed-releases': 'error',
  'token-permissions': 'error',
  vulnerabilities: 'error',
  'security-policy': 'warning',
  'ci-tests': 'note',
  'cii-best-practices': 'note',
  license: 'note'
}

/** GitHub shows the first 5,000 results of a run and refuses runs of more than 25,000. */
const MAX_RESULTS_PER_RUN = 5000

const FINDING_LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' }

/** Scorecard's checks are about the repository, not a line: the alert points at its root. */
const REPOSITORY_LOCATION = {
  physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } }
}

export function checkLevel(name: string): Level {
  return CHECK_RISK[name.toLowerCase()] ?? 'warning'
}

export function buildSarif(scans: Scan[], decision: Decision): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: scans.map((scan) => buildRun(scan, decision))
  }
}

function buildRun(scan: Scan, decision: Decision): object {
  const checkRules = uniqueByName(scan.checks).map((check) => ({
    id: ruleId(check.name),
    name: pascal(check.name),
    shortDescription: { text: check.description || check.name },
    fullDescription: { text: check.description || check.name },
    ...(safeUrl(check.url) ? { helpUri: safeUrl(check.url) } : {}),
    help: { text: check.description || check.name },
    defaultConfiguration: { level: checkLevel(check.name) },
    properties: { tags: ['supply-chain', 'security'] }
  }))
  const findingRules = uniqueBy(scan.findings, (finding) => finding.rule || 'finding').map((finding) => ({
    id: ruleId(finding.rule || 'finding'),
    name: pascal(finding.rule || 'finding'),
    shortDescription: { text: finding.rule || 'Finding' },
    defaultConfiguration: { level: finding.severity ? FINDING_LEVEL[finding.severity] : 'warning' }
  }))
  const results = [
    ...scan.checks.flatMap((check) => checkResult(check, decision)),
    ...scan.findings.map(findingResult)
  ].slice(0, MAX_RESULTS_PER_RUN)
  return {
    tool: {
      driver: {
        name: scan.tool || scan.name || 'OpsMx SSD',
        ...(scan.version ? { semanticVersion: scan.version.replace(/^v/, ''), version: scan.version } : {}),
        informationUri: 'https://www.opsmx.com/',
        rules: [...checkRules, ...findingRules]
      }
    },
    results,
    ...(scan.score !== undefined ? { properties: { score: scan.score } } : {})
  }
}

function checkResult(check: Check, decision: Decision): object[] {
  const verdict = checkVerdict(check, decision.policy)
  if (verdict.status !== 'failing') return []
  const minimum = verdict.rule ?? `threshold ${decision.policy.threshold}`
  const score = check.score === null ? 'is inconclusive' : `scored ${check.score}`
  return [
    {
      ruleId: ruleId(check.name),
      level: checkLevel(check.name),
      message: { text: `${check.name} ${score} (${minimum}): ${check.reason || 'no reason given'}` },
      locations: [REPOSITORY_LOCATION],
      partialFingerprints: { checkName: check.name }
    }
  ]
}

function findingResult(finding: Finding): object {
  const location = finding.file
    ? {
        physicalLocation: {
          artifactLocation: { uri: finding.file.replace(/^\.?\//, ''), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line !== undefined && finding.line >= 1 ? Math.floor(finding.line) : 1 }
        }
      }
    : REPOSITORY_LOCATION
  return {
    ruleId: ruleId(finding.rule || 'finding'),
    level: finding.severity ? FINDING_LEVEL[finding.severity] : 'warning',
    message: { text: finding.message || finding.rule || 'finding' },
    locations: [location]
  }
}

/** Rule ids are stable, case-preserving and free of spaces. */
function ruleId(name: string): string {
  return name.trim().replace(/\s+/g, '-') || 'unnamed'
}

function pascal(name: string): string {
  return name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep, c: string) => c.toUpperCase())
}

function uniqueByName(checks: Check[]): Check[] {
  return uniqueBy(checks, (check) => check.name)
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item)
  return [...seen.values()]
}
