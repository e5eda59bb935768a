/**
 * The markdown report: a pure function of the scans and the decision. The same text is
 * the PR comment (under its hidden marker), the job summary and the `report` output, each
 * within its size limit. Above the tables: the verdict, what broke, what changed against
 * the base branch, which commit the result is of. Then each scan: its checks in three
 * groups (failing, inconclusive, passing), its findings most severe first, and anything
 * else as a compact table of its fields.
 */
import { Budget } from './budget.ts'
import {
  checkVerdict,
  describeRuleBreak,
  softenedByWarnOnly,
  type CheckVerdict,
  type Decision,
  type Policy
} from './decision.ts'
import type { Comparison } from './comparison.ts'
import { commitLink, escapeText, linkOrText, shownScore } from './markdown.ts'
import { renderComparison } from './report-comparison.ts'
import {
  describeRating,
  resultCount,
  SEVERITIES,
  scanName,
  severityRank,
  type Check,
  type Finding,
  type GenericItem,
  type RiskRating,
  type Scan
} from './scans.ts'
import { plural } from './text.ts'

export interface ReportContext {
  projectId: string
  scanId: string
  scanType: string
  /** SSD's repository and branch the scan target is of. */
  repository: string
  branch: string
  /** The commit the result is of, '' when SSD did not say. */
  scannedCommit: string
  /** `https://github.com/acme/widget`: commit and file links start here. */
  repositoryUrl?: string
  /** Why the result is not proved to be of the commit under review, if it is not. */
  caveat?: string
  /** SSD's own verdict on the scan, when it gave one. */
  rating?: RiskRating | undefined
  /** What changed against the base branch, or why there is no comparison. */
  comparison?: Comparison
  baseUnavailable?: string
  /** Where every finding can be read, e.g. "the result file (the `resultFile` output)". */
  fullListAt: string
  warnOnly: boolean
  /** Shown in the title, to tell two steps' comments apart. */
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
/** Findings of a scan shown before the rest are folded away. */
const SHOWN_FINDINGS = 20
const GENERIC_COLUMNS = 4

type Table = 'failing' | 'inconclusive' | 'passing' | 'findings' | 'moreFindings' | 'others'

interface Section {
  scan: Scan
  heading: string
  columns: string[]
  rows: Record<Table, string[]>
}

/** One row of any table, ranked so the worst rows are kept when not all fit. */
interface Ranked {
  section: Section
  tier: number
  order: number
  table: Table
  render: () => string
}

/**
 * The report within `limits.maxBytes` (UTF-8 bytes, so within as many characters too):
 * every part takes its room from one budget before it is added, so the whole fits however
 * many scans, rules, rows or columns the answer has. First the headline, the footer and
 * room for the note on what was left out; then the comparison with the base branch; then
 * scans in answer order while their headings and table heads fit; then rows, worst first,
 * while they fit. Only the rows kept are rendered, so a huge answer costs a sort of
 * numbers, not a rendering of everything. The one thing that cannot be cut is the
 * headline's fixed part (title, verdict, ids): a limit smaller than that is exceeded.
 */
export function renderReport(scans: Scan[], decision: Decision, context: ReportContext, limits: RenderLimits): string {
  const budget = new Budget(limits.maxBytes - ROW_GAP.length) // the final newline
  const { threshold } = decision.policy
  const links = fileLinks(context)
  const headline = renderHeadline(scans, decision, context)
  for (const block of headline) budget.spend(block + BLOCK_GAP)
  const foot = renderFoot(context)
  const showFoot = budget.take(foot + BLOCK_GAP)
  const total = scans.reduce((sum, scan) => sum + resultCount(scan), 0)
  // The note's text grows with its numbers: room for the largest it can say, handed back at the end.
  const longestNote = leftOutNote(total, scans.length, limits.fullResultsAt)
  const noteRoom = budget.take(longestNote + BLOCK_GAP)
  const problems = renderProblems(decision, budget)
  const comparison = renderComparisonWithin(budget, context, decision, links)

  const sections: Section[] = []
  for (const scan of scans) {
    const heading = renderScanHeading(scan)
    const columns = genericColumns(scan.others)
    if (!budget.take(heading + BLOCK_GAP + tableHeads(scan, columns, threshold))) break
    const rows = { failing: [], inconclusive: [], passing: [], findings: [], moreFindings: [], others: [] }
    sections.push({ scan, heading, columns, rows })
  }

  let shown = 0
  for (const row of rankRows(sections, decision.policy, links)) {
    const text = row.render()
    if (!budget.take(text + ROW_GAP)) break
    const { rows } = row.section
    // Rows come most severe first, so a scan's first findings are its worst.
    const table = row.table === 'findings' && rows.findings.length >= SHOWN_FINDINGS ? 'moreFindings' : row.table
    rows[table].push(text)
    shown++
  }

  let note = ''
  if (noteRoom) {
    budget.give(longestNote + BLOCK_GAP)
    note = leftOutNote(total - shown, scans.length - sections.length, limits.fullResultsAt)
    budget.spend(note + BLOCK_GAP) // no longer than the longest note, so within what was handed back
  }
  const [title, verdict, overview, subject, caveat] = headline
  // The caveat comes right after the verdict: a result not proved to be of this commit is read as such.
  const head = [title, verdict, caveat, problems, overview, comparison, subject].filter(Boolean).join(BLOCK_GAP)
  const body = sections.map((section) => renderSection(section, threshold))
  return [head, ...body, note, showFoot ? foot : ''].filter(Boolean).join(BLOCK_GAP) + ROW_GAP
}

/** What was left out, or '' when nothing was; longer for larger numbers. */
function leftOutNote(results: number, scans: number, fullResultsAt: string): string {
  const left = [results > 0 ? `${plural(results, 'more result')}` : '', scans > 0 ? plural(scans, 'more scan') : '']
  const parts = left.filter(Boolean)
  if (parts.length === 0) return ''
  const verb = results + scans === 1 ? 'is' : 'are'
  return `> [!NOTE]\n> ${parts.join(' and ')} ${verb} not shown here to stay within GitHub's size limit; the full results are in ${fullResultsAt}.`
}

/** The title of every report, a result or none: the gate's name and the step's header. */
function renderTitle(status: string, header: string | undefined): string {
  return `## ${status}${header ? ` · ${escapeText(header, 80)}` : ''}`
}

/**
 * The headline's fixed blocks: title, verdict, the findings overview, subject and caveat.
 * Each is bounded in size.
 */
function renderHeadline(scans: Scan[], decision: Decision, context: ReportContext): string[] {
  const title = decision.passed
    ? '✅ OpsMx SSD gate passed'
    : softenedByWarnOnly(decision, context.warnOnly)
      ? '⚠️ OpsMx SSD gate failed (warning only)'
      : '❌ OpsMx SSD gate failed'
  const { threshold } = decision.policy
  const scored = scans.filter((scan) => scan.score !== undefined).length
  const verdict =
    decision.score === undefined
      ? `The scan completed without a score, so there is nothing to gate on.`
      : `Score **${shownScore(decision.scoreText, decision.score)}** out of 10 ${decision.score >= threshold ? 'meets' : 'is below'} the threshold **${threshold}**${scored > 1 ? ` (the lowest of ${scored} scans)` : ''}.`
  const subject = [
    `Project ${escapeText(context.projectId, 80)}`,
    escapeText(context.repository, 100),
    `branch ${escapeText(context.branch, 255)}`,
    `scan ${escapeText(context.scanId, 80)}`,
    escapeText(context.scanType, 40),
    context.scannedCommit ? `commit ${commitLink(context.scannedCommit, context.repositoryUrl)}` : ''
  ]
    .filter(Boolean)
    .join(' · ')
  const caveat = context.caveat ? `> [!WARNING]\n> ${escapeText(context.caveat, 500)}` : ''
  return [
    renderTitle(title, context.header),
    `${verdict}${checkCounts(scans, decision.policy)}${ratingNote(context.rating)}`,
    findingsOverview(scans, context.fullListAt),
    subject,
    caveat
  ]
}

/** ` SSD rates this scan high risk.`: SSD's verdict, beside the gate's; '' when SSD gave none. */
function ratingNote(rating: RiskRating | undefined): string {
  return rating ? ` SSD rates this scan ${describeRating(rating)}.` : ''
}

/** ` 8 of 12 checks fail; 2 are inconclusive.`, ` All 12 checks pass.`, or '' without checks. */
function checkCounts(scans: Scan[], policy: Policy): string {
  const counts = { failing: 0, inconclusive: 0, passing: 0 }
  for (const scan of scans) for (const check of scan.checks) counts[checkVerdict(check, policy).status]++
  const total = counts.failing + counts.inconclusive + counts.passing
  if (total === 0) return ''
  const unclear =
    counts.inconclusive > 0 ? `${counts.inconclusive} ${counts.inconclusive === 1 ? 'is' : 'are'} inconclusive` : ''
  if (counts.failing === 0) {
    if (!unclear) return total === 1 ? ' The one check passes.' : ` All ${total} checks pass.`
    return ` No check fails; ${unclear}.`
  }
  return ` ${counts.failing} of ${plural(total, 'check')} ${counts.failing === 1 ? 'fails' : 'fail'}${unclear ? `; ${unclear}` : ''}.`
}

/** One line near the top: how many findings there are, and where to read all of them. */
function findingsOverview(scans: Scan[], fullListAt: string): string {
  const findings = scans.flatMap((scan) => scan.findings)
  if (findings.length === 0) return ''
  const folded = scans.some((scan) => scan.findings.length > SHOWN_FINDINGS)
  return `**${plural(findings.length, 'finding')}** (${severityBreakdown(findings)}), most severe first${folded ? `; past the first ${SHOWN_FINDINGS} of a scan they are folded away` : ''}. Every finding is in ${fullListAt}.`
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
    (broken) => `- ❌ ${describeRuleBreak(broken, (text) => escapeText(text, 100))}`,
    (count) => `- ❌ ${plural(count, 'more check')} broke their checkThresholds rule (see the tables)`
  )
  if (decision.severeFindings > 0) {
    const line = `- ❌ ${plural(decision.severeFindings, 'finding')} at or above severity ${decision.policy.failOnSeverity} (failOnSeverity)`
    if (budget.take(line + ROW_GAP)) lines.push(line)
  }
  if (decision.scoreDrop) {
    const line = `- ❌ ${escapeText(decision.scoreDrop, 300)}`
    if (budget.take(line + ROW_GAP)) lines.push(line)
  }
  list(
    decision.unmatchedRules,
    (rule) => `- ⚠️ checkThresholds names ${escapeText(rule.text, 100)}, but no check in the answer has that name`,
    (count) => `- ⚠️ ${plural(count, 'more checkThresholds rule')} name no check in the answer`
  )
  return lines.join(ROW_GAP)
}

/** The comparison with the base branch, its lists while they fit, else its counts alone (small and bounded). */
function renderComparisonWithin(
  budget: Budget,
  context: ReportContext,
  decision: Decision,
  links: FileLinks | undefined
): string {
  const render = (listed: number): string =>
    renderComparison({
      comparison: context.comparison,
      unavailable: context.baseUnavailable,
      score: { value: decision.score, text: decision.scoreText },
      repositoryUrl: context.repositoryUrl,
      finding: { head: FINDING_HEAD, row: (finding) => renderFinding(finding, links) },
      listed
    })
  const full = render(HEADLINE_ITEMS)
  if (!full || budget.take(full + BLOCK_GAP)) return full
  const counts = render(0)
  return budget.take(counts + BLOCK_GAP) ? counts : ''
}

function renderFoot(context: Pick<ReportContext, 'commit' | 'runUrl' | 'time'>): string {
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
function rankRows(sections: Section[], policy: Policy, links: FileLinks | undefined): Ranked[] {
  const rows: Ranked[] = []
  for (const section of sections) {
    for (const check of section.scan.checks) {
      const verdict = checkVerdict(check, policy)
      const tier = verdict.status === 'failing' ? 0 : verdict.status === 'inconclusive' ? 1 : 2
      rows.push({
        section,
        tier,
        order: check.score ?? 0,
        table: verdict.status,
        render: () => renderCheck(check, verdict)
      })
    }
    for (const finding of section.scan.findings) {
      const rank = severityRank(finding)
      rows.push({
        section,
        tier: rank <= 1 ? 0 : rank === 2 ? 1 : 2,
        order: rank,
        table: 'findings',
        render: () => renderFinding(finding, links)
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

const SEVERITY_MARK: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '⬜', info: '▫️' }

/** Where a finding's file can be linked: the repository on GitHub, at the commit the result is of. */
interface FileLinks {
  repositoryUrl: string
  commit: string
}

function fileLinks(context: ReportContext): FileLinks | undefined {
  return context.repositoryUrl && context.scannedCommit
    ? { repositoryUrl: context.repositoryUrl, commit: context.scannedCommit }
    : undefined
}

/**
 * The file's line on GitHub, for a path inside the repository only: relative, without a
 * scheme, a `..` or a backslash, so a path from the scanned code cannot link elsewhere.
 */
function blobUrl(links: FileLinks, file: string, line: number | undefined): string | undefined {
  const path = file.replace(/^(\.\/)+/, '')
  const segments = path.split('/')
  const outside =
    !path ||
    path.startsWith('/') ||
    /^[a-z][a-z0-9+.-]*:/i.test(path) ||
    path.includes('\\') ||
    segments.some((segment) => segment === '..' || segment === '')
  if (outside) return undefined
  const anchor = line !== undefined && Number.isInteger(line) && line >= 1 ? `#L${line}` : ''
  return `${links.repositoryUrl}/blob/${links.commit}/${segments.map(encodeURIComponent).join('/')}${anchor}`
}

/** `| 🟧 high (ERROR) | rule | [src/a.js:3](…#L3) | message |`: the normalised severity, then the tool's word. */
function renderFinding(finding: Finding, links: FileLinks | undefined): string {
  const word = finding.severity ?? 'unknown'
  const label = finding.severityText.trim().toLowerCase() === word ? '' : ` (${escapeText(finding.severityText, 20)})`
  const severity = `${SEVERITY_MARK[word] ?? '▫️'} ${word}${label}`
  const place = finding.file ? `${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}` : ''
  const url = place && links && finding.inRepository ? blobUrl(links, finding.file, finding.line) : undefined
  const location = place ? linkOrText(place, url ?? '', 150) : ''
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
    escapeText(scanName(scan), 60),
    scan.version ? escapeText(scan.version, 40) : '',
    scan.score !== undefined ? `· score ${shownScore(scan.scoreText, scan.score)}` : ''
  ]
    .filter(Boolean)
    .join(' ')
  const parts = [`### ${title}`]
  if (scan.error.trim()) parts.push(`> ${escapeText(scan.error, 500)}`)
  if (scan.findings.length > 0)
    parts.push(`${plural(scan.findings.length, 'finding')}: ${severityBreakdown(scan.findings)}`)
  if (resultCount(scan) === 0) parts.push('_No results in this scan._')
  return parts.join(BLOCK_GAP)
}

/** `2 high, 1 medium`, most severe first. */
function severityBreakdown(findings: Finding[]): string {
  const counts = new Map<string, number>()
  for (const finding of findings) {
    const word = finding.severity ?? 'unknown'
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return [...SEVERITIES, 'unknown']
    .filter((word) => counts.has(word))
    .map((word) => `${counts.get(word)} ${word}`)
    .join(', ')
}

const CHECK_HEAD = '| | Check | Score | Reason |\n| --- | --- | ---: | --- |'
const FINDING_HEAD = '| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |'
const INCONCLUSIVE_INTRO = '**Inconclusive**: the tool could not score these; they do not count as failing.'

function genericHead(columns: string[]): string {
  return `| ${columns.map((column) => escapeText(column, 40)).join(' | ')} |\n|${' --- |'.repeat(columns.length)}`
}

/** A table folded away under a one-line summary; blank lines keep the table a table. */
function folded(summary: string, table: string): string {
  return `<details><summary>${summary}</summary>${BLOCK_GAP}${table}${BLOCK_GAP}</details>`
}

function passingSummary(count: number, threshold: number): string {
  return `${count} ${count === 1 ? 'check passes' : 'checks pass'} (threshold ${threshold})`
}

function moreFindingsSummary(count: number): string {
  return `${plural(count, 'more finding')}, less severe`
}

/**
 * Everything a scan's section may add around its rows, at its largest: each table head it
 * could show (checks three times: failing, inconclusive, passing; findings twice: shown
 * and folded), the inconclusive line and the folds.
 */
function tableHeads(scan: Scan, columns: string[], threshold: number): string {
  const heads: string[] = []
  if (scan.checks.length > 0) {
    heads.push(CHECK_HEAD, INCONCLUSIVE_INTRO + BLOCK_GAP + CHECK_HEAD)
    heads.push(folded(longest(passingSummary(1, threshold), passingSummary(scan.checks.length, threshold)), CHECK_HEAD))
  }
  if (scan.findings.length > 0) {
    const more = longest(moreFindingsSummary(1), moreFindingsSummary(scan.findings.length))
    heads.push(FINDING_HEAD, folded(more, FINDING_HEAD))
  }
  if (columns.length > 0) heads.push(genericHead(columns))
  return heads.map((head) => BLOCK_GAP + head).join('')
}

/** The longest of a summary's wordings: one (`1 check passes`) can be longer than many (`3 checks pass`). */
function longest(...texts: string[]): string {
  return texts.reduce((a, b) => (b.length > a.length ? b : a))
}

function renderSection(section: Section, threshold: number): string {
  const { heading, rows, columns } = section
  const table = (head: string, lines: string[]): string => [head, ...lines].join(ROW_GAP)
  const parts = [heading]
  if (rows.failing.length > 0) parts.push(table(CHECK_HEAD, rows.failing))
  if (rows.inconclusive.length > 0) parts.push(INCONCLUSIVE_INTRO + BLOCK_GAP + table(CHECK_HEAD, rows.inconclusive))
  if (rows.passing.length > 0) {
    const passing = table(CHECK_HEAD, rows.passing)
    const attention = rows.failing.length + rows.inconclusive.length > 0
    parts.push(attention ? folded(passingSummary(rows.passing.length, threshold), passing) : passing)
  }
  if (rows.findings.length > 0) parts.push(table(FINDING_HEAD, rows.findings))
  if (rows.moreFindings.length > 0) {
    parts.push(folded(moreFindingsSummary(rows.moreFindings.length), table(FINDING_HEAD, rows.moreFindings)))
  }
  if (rows.others.length > 0) parts.push(table(genericHead(columns), rows.others))
  return parts.join(BLOCK_GAP)
}

/** What the report of a run without a result says besides its message: title and footer, as a result's. */
export type FailureContext = Pick<ReportContext, 'header' | 'commit' | 'runUrl' | 'time'>

/**
 * The report of a run that ended without a result (bad input, timeout, SSD fault), within
 * `maxBytes` like the full report: the same title (with the step's header) and footer
 * (commit, run link) as a result's, and the message's lines while they fit.
 */
export function renderFailure(message: string, maxBytes: number, context: FailureContext = {}): string {
  const budget = new Budget(maxBytes - ROW_GAP.length)
  const title = renderTitle('❌ OpsMx SSD gate: no result', context.header)
  budget.spend(title + BLOCK_GAP)
  const foot = renderFoot(context)
  const showFoot = budget.take(BLOCK_GAP + foot)
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
  const footer = showFoot && foot ? `${BLOCK_GAP}${foot}` : ''
  return `${title}${BLOCK_GAP}${shown.join('<br>\n')}${footer}\n`
}

function moreLines(count: number): string {
  return `… and ${plural(count, 'more line')}, in the step's log`
}
