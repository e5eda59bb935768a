/**
 * The markdown report: a pure function of the scans and the decision. The same text is
 * the PR comment (under its hidden marker), the job summary and the `report` output, each
 * within its size limit. Above the tables: the verdict, the waivers a pull request adds,
 * what broke, what changed against the base branch, what was waived, which commit the
 * result is of. Then each scan: its checks in groups (failing, waived, inconclusive,
 * passing), its findings most severe first (those already on the base branch folded apart),
 * and anything else as a compact table of its fields.
 */
import { Budget, takeLines } from './budget.ts'
import {
  checkVerdict,
  describeRuleBreak,
  predates,
  severeFindingsLine,
  softenedByWarnOnly,
  type CheckVerdict,
  type Decision
} from './decision.ts'
import type { Comparison } from './comparison.ts'
import { commitLink, escapeText, folded, linkOrText, shownScore } from './markdown.ts'
import { renderComparison } from './report-comparison.ts'
import {
  baseFindingsSummary,
  fileLinks,
  FINDING_HEAD,
  findingsOverview,
  moreFindingsSummary,
  renderFinding,
  severityBreakdown,
  SHOWN_FINDINGS,
  type FileLinks
} from './report-findings.ts'
import { renderAddedWaivers, renderWaived } from './report-waivers.ts'
import {
  describeRating,
  resultCount,
  scanName,
  severityRank,
  type Check,
  type GenericItem,
  type RiskRating,
  type Scan
} from './scans.ts'
import { plural } from './text.ts'
import type { Waiver } from './waiver-outcome.ts'

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
  /** On a pull request: the waivers it adds or changes, and the file they are in. */
  addedWaivers?: readonly Waiver[]
  waiversFile?: string
  /** Today (YYYY-MM-DD, UTC), to say how long a waiver has left. */
  today?: string
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
const GENERIC_COLUMNS = 4

type Table = 'failing' | 'waived' | 'inconclusive' | 'passing' | 'findings' | 'moreFindings' | 'baseFindings' | 'others'

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
  const baseBranch = context.comparison?.baseBranch
  const problems = renderProblems(decision, baseBranch, budget)
  const added = renderAddedWaivers(context.addedWaivers ?? [], context.waiversFile ?? '', context.today, budget)
  const comparison = renderComparisonWithin(budget, context, decision, links)
  const waived = renderWaived({ waived: decision.waived, today: context.today, threshold, links }, budget)

  const sections: Section[] = []
  for (const scan of scans) {
    const heading = renderScanHeading(scan)
    const columns = genericColumns(scan.others)
    if (!budget.take(heading + BLOCK_GAP + tableHeads(scan, columns, threshold, baseBranch))) break
    const rows = {
      failing: [],
      waived: [],
      inconclusive: [],
      passing: [],
      findings: [],
      moreFindings: [],
      baseFindings: [],
      others: []
    }
    sections.push({ scan, heading, columns, rows })
  }

  // Waived findings are listed in the Waived group only.
  let shown = waived.shownFindings
  for (const row of rankRows(sections, decision, links)) {
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
  const [title, verdict, overview, scope, subject, caveat] = headline
  // The caveat comes right after the verdict: a result not proved to be of this commit is read
  // as such; then the waivers the pull request adds, which its reviewer must agree to.
  const head = [title, verdict, caveat, added, problems, overview, comparison, scope, waived.text, subject]
    .filter(Boolean)
    .join(BLOCK_GAP)
  const body = sections.map((section) => renderSection(section, threshold, baseBranch))
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
 * The headline's fixed blocks: title, verdict, the findings overview, which findings count,
 * subject and caveat. Each is bounded in size.
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
      : `Score **${shownScore(decision.scoreText, decision.score)}** out of 10 ${decision.score >= threshold ? 'meets' : 'is below'} the threshold **${threshold}**${scored > 1 ? ` (the lowest of ${scored} scans)` : ''}${decision.baseBelowThreshold ? `; ${escapeText(decision.baseBelowThreshold, 400)}` : ''}.`
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
  const hasFindings = scans.some((scan) => scan.findings.length > 0)
  const { scope } = decision
  const scopeLine = hasFindings && scope.kind === 'all' && scope.why ? `ℹ️ ${escapeText(scope.why, 400)}` : ''
  return [
    renderTitle(title, context.header),
    `${verdict}${checkCounts(scans, decision)}${ratingNote(context.rating)}`,
    findingsOverview(scans, decision, context.fullListAt),
    scopeLine,
    subject,
    caveat
  ]
}

/** ` SSD rates this scan high risk.`: SSD's verdict, beside the gate's; '' when SSD gave none. */
function ratingNote(rating: RiskRating | undefined): string {
  return rating ? ` SSD rates this scan ${describeRating(rating)}.` : ''
}

/** ` 8 of 12 checks fail; 1 is waived; 2 are inconclusive.`, ` All 12 checks pass.`, or '' without checks. */
function checkCounts(scans: Scan[], decision: Decision): string {
  const counts = { failing: 0, waived: 0, inconclusive: 0, passing: 0 }
  for (const scan of scans) {
    for (const check of scan.checks) counts[checkVerdict(check, decision.policy, decision.waivedChecks).status]++
  }
  const total = counts.failing + counts.waived + counts.inconclusive + counts.passing
  if (total === 0) return ''
  const are = (count: number, what: string): string =>
    count > 0 ? `${count} ${count === 1 ? 'is' : 'are'} ${what}` : ''
  const besides = [are(counts.waived, 'waived'), are(counts.inconclusive, 'inconclusive')].filter(Boolean).join('; ')
  if (counts.failing === 0) {
    if (!besides) return total === 1 ? ' The one check passes.' : ` All ${total} checks pass.`
    return ` No check fails; ${besides}.`
  }
  return ` ${counts.failing} of ${plural(total, 'check')} ${counts.failing === 1 ? 'fails' : 'fail'}${besides ? `; ${besides}` : ''}.`
}

/**
 * Why the gate failed, one line each: the first few broken and unmatched rules by name and
 * the rest counted (every failing check is in the table), drawn from the budget.
 */
function renderProblems(decision: Decision, baseBranch: string | undefined, budget: Budget): string {
  if (!budget.take(BLOCK_GAP)) return ''
  const onBase = baseBranch ? ` (${predates(escapeText(baseBranch, 100))})` : ''
  const { lines } = takeLines(
    budget,
    decision.ruleBreaks,
    (broken) => `- ❌ ${describeRuleBreak(broken, (text) => escapeText(text, 100))}${broken.onBase ? onBase : ''}`,
    (count) => `- ❌ ${plural(count, 'more check')} broke their checkThresholds rule (see the tables)`,
    HEADLINE_ITEMS
  )
  const floor = decision.policy.failOnSeverity
  const oneLine = (line: string): void => {
    if (budget.take(line + ROW_GAP)) lines.push(line)
  }
  if (decision.severeFindings > 0) {
    oneLine(`- ❌ ${severeFindingsLine(decision.severeFindings, decision.scope, floor)} (failOnSeverity)`)
  }
  if (decision.scoreDrop) oneLine(`- ❌ ${escapeText(decision.scoreDrop, 300)}`)
  const unmatched = takeLines(
    budget,
    decision.unmatchedRules,
    (rule) => `- ⚠️ checkThresholds names ${escapeText(rule.text, 100)}, but no check in the answer has that name`,
    (count) => `- ⚠️ ${plural(count, 'more checkThresholds rule')} name no check in the answer`,
    HEADLINE_ITEMS
  )
  lines.push(...unmatched.lines)
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
 * then waived and inconclusive checks and medium findings, then the rest, then the findings
 * already on the base branch. Waived findings are left to the Waived group.
 */
function rankRows(sections: Section[], decision: Decision, links: FileLinks | undefined): Ranked[] {
  const rows: Ranked[] = []
  const TIER = { failing: 0, waived: 1, inconclusive: 1, passing: 2 }
  for (const section of sections) {
    for (const check of section.scan.checks) {
      const verdict = checkVerdict(check, decision.policy, decision.waivedChecks)
      rows.push({
        section,
        tier: TIER[verdict.status],
        order: check.score ?? 0,
        table: verdict.status,
        render: () => renderCheck(check, verdict, decision.waivedChecks.get(check))
      })
    }
    for (const finding of section.scan.findings) {
      if (decision.waivedFindings.has(finding)) continue
      const rank = severityRank(finding)
      const onBase = decision.baseFindings.has(finding)
      rows.push({
        section,
        tier: onBase ? 3 : rank <= 1 ? 0 : rank === 2 ? 1 : 2,
        order: rank,
        table: onBase ? 'baseFindings' : 'findings',
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

const CHECK_MARK = { failing: '❌', waived: '🏳️', inconclusive: '❔', passing: '✅' }

function renderCheck(check: Check, verdict: CheckVerdict, waiver: Waiver | undefined): string {
  const score = check.score === null ? '?' : String(check.score)
  const rule = verdict.rule ? `**rule ${escapeText(verdict.rule, 100)}** · ` : ''
  const waived = verdict.status === 'waived' && waiver ? `waived until ${escapeText(waiver.expires, 10)} · ` : ''
  return `| ${CHECK_MARK[verdict.status]} | ${linkOrText(check.name, check.url, 100)} | ${score} | ${rule}${waived}${escapeText(check.reason)} |`
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

const CHECK_HEAD = '| | Check | Score | Reason |\n| --- | --- | ---: | --- |'
const INCONCLUSIVE_INTRO = '**Inconclusive**: the tool could not score these; they do not count as failing.'
const WAIVED_INTRO = '**Waived**: these would fail; a waiver takes them out of the gate until its end date.'

function genericHead(columns: string[]): string {
  return `| ${columns.map((column) => escapeText(column, 40)).join(' | ')} |\n|${' --- |'.repeat(columns.length)}`
}

function passingSummary(count: number, threshold: number): string {
  return `${count} ${count === 1 ? 'check passes' : 'checks pass'} (threshold ${threshold})`
}

/**
 * Everything a scan's section may add around its rows, at its largest: each table head it
 * could show (checks four times: failing, waived, inconclusive, passing; findings three
 * times: shown, folded, and already on the base branch), the intro lines and the folds.
 */
function tableHeads(scan: Scan, columns: string[], threshold: number, baseBranch: string | undefined): string {
  const heads: string[] = []
  const { length: checks } = scan.checks
  const { length: findings } = scan.findings
  if (checks > 0) {
    heads.push(CHECK_HEAD, WAIVED_INTRO + BLOCK_GAP + CHECK_HEAD, INCONCLUSIVE_INTRO + BLOCK_GAP + CHECK_HEAD)
    heads.push(folded(longest(passingSummary(1, threshold), passingSummary(checks, threshold)), CHECK_HEAD))
  }
  if (findings > 0) {
    const more = longest(moreFindingsSummary(1), moreFindingsSummary(findings))
    const onBase = longest(baseFindingsSummary(1, baseBranch), baseFindingsSummary(findings, baseBranch))
    heads.push(FINDING_HEAD, folded(more, FINDING_HEAD), folded(onBase, FINDING_HEAD))
  }
  if (columns.length > 0) heads.push(genericHead(columns))
  return heads.map((head) => BLOCK_GAP + head).join('')
}

/** The longest of a summary's wordings: one (`1 check passes`) can be longer than many (`3 checks pass`). */
function longest(...texts: string[]): string {
  return texts.reduce((a, b) => (b.length > a.length ? b : a))
}

function renderSection(section: Section, threshold: number, baseBranch: string | undefined): string {
  const { heading, rows, columns } = section
  const table = (head: string, lines: string[]): string => [head, ...lines].join(ROW_GAP)
  const parts = [heading]
  if (rows.failing.length > 0) parts.push(table(CHECK_HEAD, rows.failing))
  if (rows.waived.length > 0) parts.push(WAIVED_INTRO + BLOCK_GAP + table(CHECK_HEAD, rows.waived))
  if (rows.inconclusive.length > 0) parts.push(INCONCLUSIVE_INTRO + BLOCK_GAP + table(CHECK_HEAD, rows.inconclusive))
  if (rows.passing.length > 0) {
    const passing = table(CHECK_HEAD, rows.passing)
    const attention = rows.failing.length + rows.waived.length + rows.inconclusive.length > 0
    parts.push(attention ? folded(passingSummary(rows.passing.length, threshold), passing) : passing)
  }
  if (rows.findings.length > 0) parts.push(table(FINDING_HEAD, rows.findings))
  if (rows.moreFindings.length > 0) {
    parts.push(folded(moreFindingsSummary(rows.moreFindings.length), table(FINDING_HEAD, rows.moreFindings)))
  }
  if (rows.baseFindings.length > 0) {
    const summary = baseFindingsSummary(rows.baseFindings.length, baseBranch)
    parts.push(folded(summary, table(FINDING_HEAD, rows.baseFindings)))
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
