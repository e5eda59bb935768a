/**
 * The markdown report: a pure function of the scans and the decision. The same text is
 * the PR comment, the job summary and the `report` output, each within its size limit.
 * Every scan gets its own section: Scorecard-shaped checks, findings grouped by severity,
 * and anything else as a compact table of its fields.
 */
import { checkVerdict, type CheckVerdict, type Decision, type Policy } from './decision.ts'
import { Budget } from './budget.ts'
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

/** Between the report's blocks, and between a table's rows. */
const BLOCK_GAP = '\n\n'
const ROW_GAP = '\n'
/** Broken and unmatched rules named in the headline; the rest are counted (the table shows them). */
const HEADLINE_ITEMS = 10
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
 * The report within `limits.maxBytes` (UTF-8 bytes, so within as many characters too):
 * every part takes its room from one budget before it is added, so the whole fits however
 * many scans, rules, rows or columns the answer has. First the headline, the footer and
 * room for the note on what was left out; then scans in answer order while their headings
 * and table heads fit; then rows, worst first, while they fit. Only the rows kept are
 * rendered, so a huge answer costs a sort of numbers, not a rendering of everything.
 * The one thing that cannot be cut is the headline's fixed part (marker, verdict, ids): a
 * limit smaller than that is exceeded.
 */
export function renderReport(scans: Scan[], decision: Decision, context: ReportContext, limits: RenderLimits): string {
  const budget = new Budget(limits.maxBytes - ROW_GAP.length) // the final newline
  const { threshold } = decision.policy
  const headline = renderHeadline(scans, decision, context)
  for (const block of headline) budget.spend(block + BLOCK_GAP)
  const foot = renderFoot(context)
  const showFoot = budget.take(foot + BLOCK_GAP)
  const total = scans.reduce((sum, scan) => sum + scan.checks.length + scan.findings.length + scan.others.length, 0)
  // The note's text grows with its numbers: room for the largest it can say, handed back at the end.
  const longestNote = leftOutNote(total, scans.length, limits.fullResultsAt)
  const noteRoom = budget.take(longestNote + BLOCK_GAP)
  const problems = renderProblems(decision, budget)

  const sections: Section[] = []
  for (const scan of scans) {
    const heading = renderScanHeading(scan)
    const columns = genericColumns(scan.others)
    if (!budget.take(heading + BLOCK_GAP + tableHeads(scan, columns, threshold))) break
    sections.push({ scan, heading, columns, attention: [], passing: [], findings: [], others: [] })
  }

  let shown = 0
  for (const row of rankRows(sections, decision.policy)) {
    const text = row.render()
    if (!budget.take(text + ROW_GAP)) break
    row.section[row.table].push(text)
    shown++
  }

  let note = ''
  if (noteRoom) {
    budget.give(longestNote + BLOCK_GAP)
    note = leftOutNote(total - shown, scans.length - sections.length, limits.fullResultsAt)
    budget.spend(note + BLOCK_GAP) // no longer than the longest note, so within what was handed back
  }
  const [title, verdict, subject] = headline
  const head = [title, verdict, problems, subject].filter(Boolean).join(BLOCK_GAP)
  const body = sections.map((section) => renderSection(section, threshold))
  return [head, ...body, note, showFoot ? foot : ''].filter(Boolean).join(BLOCK_GAP) + ROW_GAP
}

/** What was left out, or '' when nothing was; longer for larger numbers. */
function leftOutNote(results: number, scans: number, fullResultsAt: string): string {
  const left = [
    results > 0 ? `${results.toLocaleString('en-US')} more result(s)` : '',
    scans > 0 ? `${scans.toLocaleString('en-US')} more scan(s)` : ''
  ].filter(Boolean)
  if (left.length === 0) return ''
  return `> [!NOTE]\n> ${left.join(' and ')} are not shown here to stay within GitHub's size limit; the full results are in ${fullResultsAt}.`
}

/** The headline's fixed blocks: marker and title, verdict, subject. Each is bounded in size. */
function renderHeadline(scans: Scan[], decision: Decision, context: ReportContext): [string, string, string] {
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
      : `Score **${shownScore(decision.scoreText, decision.score)}** ${decision.score >= threshold ? 'meets' : 'is below'} the threshold **${threshold}**${scored > 1 ? ` (the lowest of ${scored} scans)` : ''}.`
  const checks = scans.reduce((sum, scan) => sum + scan.checks.length, 0)
  const counts = checks > 0 ? ` ${decision.failedChecks.length} of ${checks} check(s) fail.` : ''
  const subject = `Project ${escapeText(context.projectId, 80)} · scan ${escapeText(context.scanId, 80)} · ${escapeText(context.scanType, 40)}`
  return [`${context.marker}\n## ${title}${header}`, `${verdict}${counts}`, subject]
}

/**
 * Why the gate failed, one line each: the first few broken and unmatched rules by name and
 * the rest counted (every failing check is in the table), drawn from the budget.
 */
function renderProblems(decision: Decision, budget: Budget): string {
  const lines: string[] = []
  const list = <T>(items: T[], render: (item: T) => string, more: (count: number) => string): void => {
    if (items.length === 0) return
    // Room for the "and N more" line at its longest, so it always fits after the names.
    const longestMore = more(items.length) + ROW_GAP
    if (!budget.take(longestMore)) return
    let shown = 0
    for (const item of items.slice(0, HEADLINE_ITEMS)) {
      const line = render(item)
      if (!budget.take(line + ROW_GAP)) break
      lines.push(line)
      shown++
    }
    budget.give(longestMore)
    if (shown < items.length) {
      const line = more(items.length - shown)
      budget.spend(line + ROW_GAP)
      lines.push(line)
    }
  }
  if (!budget.take(BLOCK_GAP)) return ''
  list(
    decision.ruleBreaks,
    (broken) =>
      broken.score === null
        ? `- ❌ ${escapeText(broken.check, 100)} is inconclusive, which fails with failOnInconclusive`
        : `- ❌ ${escapeText(broken.check, 100)} scored ${broken.score}, below its minimum (${escapeText(broken.rule, 100)})`,
    (count) => `- ❌ ${count.toLocaleString('en-US')} more check(s) broke their checkThresholds rule (see the tables)`
  )
  if (decision.severeFindings > 0) {
    const line = `- ❌ ${decision.severeFindings} finding(s) at or above severity ${decision.policy.failOnSeverity} (failOnSeverity)`
    if (budget.take(line + ROW_GAP)) lines.push(line)
  }
  list(
    decision.unmatchedRules,
    (rule) => `- ⚠️ checkThresholds names ${escapeText(rule.text, 100)}, but no check in the answer has that name`,
    (count) => `- ⚠️ ${count.toLocaleString('en-US')} more checkThresholds rule(s) name no check in the answer`
  )
  return lines.join(ROW_GAP)
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
    scan.score !== undefined ? `· score ${shownScore(scan.scoreText, scan.score)}` : ''
  ]
    .filter(Boolean)
    .join(' ')
  const parts = [`### ${title}`]
  if (scan.error.trim()) parts.push(`> ${escapeText(scan.error, 500)}`)
  if (scan.findings.length > 0) parts.push(severityCounts(scan.findings))
  if (scan.checks.length + scan.findings.length + scan.others.length === 0) parts.push('_No results in this scan._')
  return parts.join('\n\n')
}

/**
 * A score as SSD wrote it (`2.4`), or rounded when that is too long to show: never cut,
 * since `3.3333333333333334e…` would read as 3.3.
 */
function shownScore(text: string, score: number): string {
  return escapeText(text.length <= MAX_SCORE_LENGTH ? text : String(Number(score.toPrecision(6))), MAX_SCORE_LENGTH)
}

const MAX_SCORE_LENGTH = 20

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

function genericHead(columns: string[]): string {
  return `| ${columns.map((column) => escapeText(column, 40)).join(' | ')} |\n|${' --- |'.repeat(columns.length)}`
}

/** Passing checks fold away under failing ones. */
function passingDetails(count: number, threshold: number, table: string): string {
  return `<details><summary>${count} check(s) passing (threshold ${threshold})</summary>\n\n${table}\n\n</details>`
}

/**
 * Everything a scan's section may add around its rows, at its largest: each table head it
 * could show (checks twice, failing and passing), and the fold around passing checks.
 */
function tableHeads(scan: Scan, columns: string[], threshold: number): string {
  const heads: string[] = []
  if (scan.checks.length > 0) {
    heads.push(CHECK_HEAD, passingDetails(scan.checks.length, threshold, CHECK_HEAD))
  }
  if (scan.findings.length > 0) heads.push(FINDING_HEAD)
  if (columns.length > 0) heads.push(genericHead(columns))
  return heads.map((head) => BLOCK_GAP + head).join('')
}

function renderSection(section: Section, threshold: number): string {
  const { heading, attention, passing, findings, others, columns } = section
  const parts = [heading]
  if (attention.length > 0) parts.push([CHECK_HEAD, ...attention].join(ROW_GAP))
  if (passing.length > 0) {
    const table = [CHECK_HEAD, ...passing].join(ROW_GAP)
    parts.push(attention.length > 0 ? passingDetails(passing.length, threshold, table) : table)
  }
  if (findings.length > 0) parts.push([FINDING_HEAD, ...findings].join(ROW_GAP))
  if (others.length > 0) parts.push([genericHead(columns), ...others].join(ROW_GAP))
  return parts.join(BLOCK_GAP)
}

/**
 * The report of a run that ended without a result (bad input, timeout, SSD fault), within
 * `maxBytes` like the full report: the message's lines while they fit.
 */
export function renderFailure(message: string, maxBytes: number, marker = ''): string {
  const budget = new Budget(maxBytes - ROW_GAP.length)
  const title = `${marker ? `${marker}\n` : ''}## ❌ OpsMx SSD gate: no result`
  budget.spend(title + BLOCK_GAP)
  const lines = message.split('\n')
  // Room for the "and N more" line at its longest, so it always fits after the lines shown.
  const reserved = budget.take(`${moreLines(lines.length)}<br>\n`)
  const shown: string[] = []
  for (const line of lines) {
    const escaped = escapeText(line, 2000)
    if (!budget.take(`${escaped}<br>\n`)) break
    shown.push(escaped)
  }
  if (reserved && shown.length < lines.length) shown.push(moreLines(lines.length - shown.length))
  return `${title}${BLOCK_GAP}${shown.join('<br>\n')}\n`
}

function moreLines(count: number): string {
  return `… and ${count.toLocaleString('en-US')} more line(s), in the step's log`
}
