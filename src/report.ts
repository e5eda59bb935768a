/**
 * The markdown report: a pure function of the scans and the decision. The same text is
 * the PR comment, the job summary and the `report` output, each within its size limit.
 * Every scan gets its own section: Scorecard-shaped checks, findings grouped by severity,
 * and anything else as a compact table of its fields.
 */
import { checkVerdict, type CheckVerdict, type Decision, type Policy } from './decision.ts'
import { escapeText, linkOrText } from './markdown.ts'
import { SEVERITIES, type Check, type Finding, type GenericItem, type Scan } from './scans.ts'

export interface ReportContext {
  projectId: string
  scanId: string
  scanType: string
  warnOnly: boolean
  /** Hidden marker that finds this report's comment again. */
  marker: string
  /** Shown in the headline, to tell two steps' comments apart. */
  header?: string
  /** Short commit SHA, run URL and time for the footer, when known. */
  commit?: string
  runUrl?: string
  time?: string
}

export interface RenderLimits {
  /** Largest size of the whole report, in UTF-8 bytes. */
  maxBytes: number
  /** Where the reader finds what did not fit, e.g. "the job summary". */
  fullResultsAt: string
}

/** Room kept for the note about what was left out. */
const NOTE_BYTES = 400
/** Room for a scan's table headers and details wrapper. */
const TABLE_BYTES = 600
const GENERIC_COLUMNS = 4

interface Section {
  scan: Scan
  heading: string
  columns: string[]
  attention: string[]
  passing: string[]
  findings: string[]
  others: string[]
}

/** One row of any table, ranked so the worst rows are kept when not all fit. */
interface Ranked {
  section: Section
  tier: number
  order: number
  table: 'attention' | 'passing' | 'findings' | 'others'
  render: () => string
}

/**
 * The report within `limits.maxBytes`: scans in answer order while their headings fit, then
 * rows worst first while they fit. Only the rows kept are rendered, so a huge answer costs a
 * sort of numbers, not a rendering of everything.
 */
export function renderReport(scans: Scan[], decision: Decision, context: ReportContext, limits: RenderLimits): string {
  const head = renderHead(scans, decision, context)
  const foot = renderFoot(context)
  let budget = limits.maxBytes - byteLength(head) - byteLength(foot) - NOTE_BYTES

  const sections: Section[] = []
  for (const scan of scans) {
    const heading = renderScanHeading(scan)
    budget -= byteLength(heading) + TABLE_BYTES
    if (budget < 0) break
    const columns = genericColumns(scan.others)
    sections.push({ scan, heading, columns, attention: [], passing: [], findings: [], others: [] })
  }

  let shown = 0
  for (const row of rankRows(sections, decision.policy)) {
    const text = row.render()
    budget -= byteLength(text) + 1
    if (budget < 0) break
    row.section[row.table].push(text)
    shown++
  }

  const total = scans.reduce((sum, scan) => sum + scan.checks.length + scan.findings.length + scan.others.length, 0)
  const left = [
    total > shown ? `${(total - shown).toLocaleString('en-US')} more result(s)` : '',
    scans.length > sections.length ? `${(scans.length - sections.length).toLocaleString('en-US')} more scan(s)` : ''
  ].filter(Boolean)
  const note = left.length
    ? [
        `> [!NOTE]\n> ${left.join(' and ')} are not shown here to stay within GitHub's size limit; the full results are in ${limits.fullResultsAt}.`
      ]
    : []
  const body = sections.map((section) => renderSection(section, decision.policy.threshold))
  return [head, ...body, ...note, foot].filter(Boolean).join('\n\n') + '\n'
}

function renderHead(scans: Scan[], decision: Decision, context: ReportContext): string {
  const title = decision.passed
    ? '✅ OpsMx SSD gate passed'
    : context.warnOnly && !decision.nothingToGateOn
      ? '⚠️ OpsMx SSD gate failed (warning only)'
      : '❌ OpsMx SSD gate failed'
  const header = context.header ? ` · ${escapeText(context.header, 80)}` : ''
  const { threshold } = decision.policy
  const scored = scans.filter((scan) => scan.score !== undefined).length
  const verdict =
    decision.score === undefined
      ? `The scan completed without a score, so there is nothing to gate on.`
      : `Score **${escapeText(decision.scoreText, 20)}** ${decision.score >= threshold ? 'meets' : 'is below'} the threshold **${threshold}**${scored > 1 ? ` (the lowest of ${scored} scans)` : ''}.`
  const checks = scans.flatMap((scan) => scan.checks)
  const counts = checks.length > 0 ? ` ${decision.failedChecks.length} of ${checks.length} check(s) fail.` : ''
  const problems = [
    ...decision.ruleBreaks.map((broken) =>
      broken.score === null
        ? `- ❌ ${escapeText(broken.check, 100)} is inconclusive, which fails with failOnInconclusive`
        : `- ❌ ${escapeText(broken.check, 100)} scored ${broken.score}, below its minimum (${escapeText(broken.rule, 100)})`
    ),
    ...(decision.severeFindings > 0
      ? [
          `- ❌ ${decision.severeFindings} finding(s) at or above severity ${decision.policy.failOnSeverity} (failOnSeverity)`
        ]
      : []),
    ...decision.unmatchedRules.map(
      (rule) => `- ⚠️ checkThresholds names ${escapeText(rule.text, 100)}, but no check in the answer has that name`
    )
  ]
  const subject = `Project ${escapeText(context.projectId, 80)} · scan ${escapeText(context.scanId, 80)} · ${escapeText(context.scanType, 40)}`
  return [`${context.marker}\n## ${title}${header}`, `${verdict}${counts}`, problems.join('\n'), subject]
    .filter(Boolean)
    .join('\n\n')
}

function renderFoot(context: ReportContext): string {
  const parts = [
    context.commit ? `commit ${escapeText(context.commit, 12)}` : '',
    context.runUrl ? linkOrText('workflow run', context.runUrl) : '',
    context.time ? escapeText(context.time, 40) : ''
  ].filter(Boolean)
  return parts.length ? `<sub>Updated for ${parts.join(' · ')}</sub>` : ''
}

/**
 * Every row of the shown scans, worst first: failing checks and critical/high findings,
 * then inconclusive checks and medium findings, then the rest.
 */
function rankRows(sections: Section[], policy: Policy): Ranked[] {
  const rows: Ranked[] = []
  for (const section of sections) {
    for (const check of section.scan.checks) {
      const verdict = checkVerdict(check, policy)
      const tier = verdict.status === 'failing' ? 0 : verdict.status === 'inconclusive' ? 1 : 2
      const table = verdict.status === 'passing' ? 'passing' : 'attention'
      rows.push({ section, tier, order: check.score ?? 0, table, render: () => renderCheck(check, verdict) })
    }
    for (const finding of section.scan.findings) {
      const rank = finding.severity ? SEVERITIES.indexOf(finding.severity) : SEVERITIES.length
      rows.push({
        section,
        tier: rank <= 1 ? 0 : rank === 2 ? 1 : 2,
        order: rank,
        table: 'findings',
        render: () => renderFinding(finding)
      })
    }
    // Items with no scalar field at all have nothing to show; they count as left out.
    for (const item of section.columns.length > 0 ? section.scan.others : []) {
      rows.push({ section, tier: 2, order: 99, table: 'others', render: () => renderGeneric(item, section.columns) })
    }
  }
  return rows.sort((a, b) => a.tier - b.tier || a.order - b.order)
}

function renderCheck(check: Check, verdict: CheckVerdict): string {
  const mark = verdict.status === 'failing' ? '❌' : verdict.status === 'inconclusive' ? '❔' : '✅'
  const score = check.score === null ? '?' : String(check.score)
  const rule = verdict.rule ? `**rule ${escapeText(verdict.rule, 100)}** · ` : ''
  return `| ${mark} | ${linkOrText(check.name, check.url, 100)} | ${score} | ${rule}${escapeText(check.reason)} |`
}

const SEVERITY_MARK: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '⬜' }

function renderFinding(finding: Finding): string {
  const severity = `${SEVERITY_MARK[finding.severity ?? ''] ?? '▫️'} ${escapeText(finding.severityText, 20)}`
  const location = finding.file
    ? `${escapeText(finding.file, 150)}${finding.line !== undefined ? `:${finding.line}` : ''}`
    : ''
  return `| ${severity} | ${escapeText(finding.rule, 100)} | ${location} | ${escapeText(finding.message)} |`
}

/** The fields the first items have, up to a few, as the generic table's columns. */
function genericColumns(items: GenericItem[]): string[] {
  const columns = new Set<string>()
  for (const item of items.slice(0, 20)) {
    for (const key of item.keys()) if (columns.size < GENERIC_COLUMNS) columns.add(key)
  }
  return [...columns]
}

function renderGeneric(item: GenericItem, columns: string[]): string {
  return `| ${columns.map((column) => escapeText(item.get(column) ?? '', 120)).join(' | ')} |`
}

function renderScanHeading(scan: Scan): string {
  const title = [
    escapeText(scan.tool || scan.name || 'Scan', 60),
    scan.version ? escapeText(scan.version, 40) : '',
    scan.score !== undefined ? `· score ${escapeText(scan.scoreText, 20)}` : ''
  ]
    .filter(Boolean)
    .join(' ')
  const parts = [`### ${title}`]
  if (scan.error.trim()) parts.push(`> ${escapeText(scan.error, 500)}`)
  if (scan.findings.length > 0) parts.push(severityCounts(scan.findings))
  if (scan.checks.length + scan.findings.length + scan.others.length === 0) parts.push('_No results in this scan._')
  return parts.join('\n\n')
}

function severityCounts(findings: Finding[]): string {
  const counts = new Map<string, number>()
  for (const finding of findings)
    counts.set(finding.severity ?? 'other', (counts.get(finding.severity ?? 'other') ?? 0) + 1)
  const order = [...SEVERITIES, 'other']
  return `${findings.length} finding(s): ${order
    .filter((severity) => counts.has(severity))
    .map((severity) => `${counts.get(severity)} ${severity}`)
    .join(', ')}`
}

const CHECK_HEAD = '| | Check | Score | Reason |\n| --- | --- | ---: | --- |'
const FINDING_HEAD = '| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |'

function renderSection(section: Section, threshold: number): string {
  const { heading, attention, passing, findings, others, columns } = section
  const parts = [heading]
  if (attention.length > 0) parts.push([CHECK_HEAD, ...attention].join('\n'))
  if (passing.length > 0) {
    const table = [CHECK_HEAD, ...passing].join('\n')
    parts.push(
      attention.length > 0
        ? `<details><summary>${passing.length} check(s) passing (threshold ${threshold})</summary>\n\n${table}\n\n</details>`
        : table
    )
  }
  if (findings.length > 0) parts.push([FINDING_HEAD, ...findings].join('\n'))
  if (others.length > 0) {
    const head = `| ${columns.map((column) => escapeText(column, 40)).join(' | ')} |\n|${' --- |'.repeat(columns.length)}`
    parts.push([head, ...others].join('\n'))
  }
  return parts.join('\n\n')
}

/** The report of a run that ended without a result (bad input, timeout, SSD fault). */
export function renderFailure(message: string, marker = ''): string {
  const lines = message.split('\n').map((line) => escapeText(line, 2000))
  return `${marker ? `${marker}\n` : ''}## ❌ OpsMx SSD gate: no result\n\n${lines.join('<br>\n')}\n`
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
