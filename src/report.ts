/**
 * The markdown report: a pure function of the scans and the decision. The same text is
 * the PR comment, the job summary and the `report` output, each within its size limit.
 */
import { isFailing, type Decision } from './decision.ts'
import { escapeText, linkOrText } from './markdown.ts'
import type { Check, Scan } from './scans.ts'

export interface ReportContext {
  projectId: string
  scanId: string
  scanType: string
  warnOnly: boolean
  /** Hidden marker that finds this report's comment again. */
  marker: string
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
const TABLE_BYTES = 300

interface Section {
  scan: Scan
  heading: string
  /** Rendered rows, worst first, split by whether they need attention. */
  attention: string[]
  passing: string[]
}

/**
 * The report within `limits.maxBytes`: scans in answer order while their headings fit, then
 * checks worst first while they fit. Only the rows kept are rendered, so a huge answer
 * costs a sort of numbers, not a rendering of everything.
 */
export function renderReport(scans: Scan[], decision: Decision, context: ReportContext, limits: RenderLimits): string {
  const { threshold } = decision
  const head = renderHead(scans, decision, context)
  const foot = renderFoot(context)
  let budget = limits.maxBytes - byteLength(head) - byteLength(foot) - NOTE_BYTES

  const sections: Section[] = []
  for (const scan of scans) {
    const heading = renderScanHeading(scan)
    budget -= byteLength(heading) + TABLE_BYTES
    if (budget < 0) break
    sections.push({ scan, heading, attention: [], passing: [] })
  }

  let shownChecks = 0
  for (const { section, check } of rankChecks(sections, threshold)) {
    const row = renderRow(check, threshold)
    budget -= byteLength(row) + 1
    if (budget < 0) break
    ;(needsAttention(check, threshold) ? section.attention : section.passing).push(row)
    shownChecks++
  }

  const totalChecks = scans.reduce((sum, scan) => sum + scan.checks.length, 0)
  const left = [
    totalChecks > shownChecks ? `${(totalChecks - shownChecks).toLocaleString('en-US')} more check(s)` : '',
    scans.length > sections.length ? `${(scans.length - sections.length).toLocaleString('en-US')} more scan(s)` : ''
  ].filter(Boolean)
  const note = left.length
    ? [
        `> [!NOTE]\n> ${left.join(' and ')} are not shown here to stay within GitHub's size limit; the full results are in ${limits.fullResultsAt}.`
      ]
    : []
  return [head, ...sections.map((section) => renderSection(section, threshold)), ...note, foot].join('\n\n') + '\n'
}

function renderHead(scans: Scan[], decision: Decision, context: ReportContext): string {
  const headline = decision.passed
    ? '## ✅ OpsMx SSD gate passed'
    : context.warnOnly
      ? '## ⚠️ OpsMx SSD gate failed (warning only)'
      : '## ❌ OpsMx SSD gate failed'
  const scored = scans.filter((scan) => scan.score !== undefined).length
  const verdict =
    decision.score === undefined
      ? `The scan completed without a score, so there is nothing to gate on.`
      : `Score **${escapeText(decision.scoreText, 20)}** ${decision.passed ? 'meets' : 'is below'} the threshold **${decision.threshold}**${scored > 1 ? ` (the lowest of ${scored} scans)` : ''}.`
  const checks = scans.flatMap((scan) => scan.checks)
  const counts =
    checks.length > 0
      ? ` ${decision.failedChecks.length} of ${checks.length} check(s) score below ${decision.threshold}.`
      : ''
  const subject = `Project ${escapeText(context.projectId, 80)} · scan ${escapeText(context.scanId, 80)} · ${escapeText(context.scanType, 40)}`
  return `${context.marker}\n${headline}\n\n${verdict}${counts}\n\n${subject}`
}

function renderFoot(context: ReportContext): string {
  const parts = [
    context.commit ? `commit ${escapeText(context.commit, 12)}` : '',
    context.runUrl ? linkOrText('workflow run', context.runUrl) : '',
    context.time ? escapeText(context.time, 40) : ''
  ].filter(Boolean)
  return parts.length ? `<sub>Updated for ${parts.join(' · ')}</sub>` : ''
}

function needsAttention(check: Check, threshold: number): boolean {
  return check.score === null || isFailing(check, threshold)
}

/** Every check of the shown scans, worst first: failing by score, then inconclusive, then passing. */
function rankChecks(sections: Section[], threshold: number): Array<{ section: Section; check: Check }> {
  const rank = (check: Check): number => (check.score === null ? 1 : isFailing(check, threshold) ? 0 : 2)
  return sections
    .flatMap((section) => section.scan.checks.map((check) => ({ section, check, rank: rank(check) })))
    .sort((a, b) => a.rank - b.rank || (a.check.score ?? 0) - (b.check.score ?? 0))
}

function renderRow(check: Check, threshold: number): string {
  const mark = check.score === null ? '❔' : isFailing(check, threshold) ? '❌' : '✅'
  const score = check.score === null ? '?' : String(check.score)
  return `| ${mark} | ${linkOrText(check.name, check.url, 100)} | ${score} | ${escapeText(check.reason)} |`
}

const TABLE_HEAD = '| | Check | Score | Reason |\n| --- | --- | ---: | --- |'

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
  if (scan.checks.length === 0) {
    parts.push(
      scan.itemCount > 0
        ? `_${scan.itemCount} result(s) of a shape this report does not show as checks._`
        : '_No checks in this scan._'
    )
  }
  return parts.join('\n\n')
}

function renderSection(section: Section, threshold: number): string {
  const { heading, attention, passing } = section
  const parts = [heading]
  if (attention.length > 0) parts.push([TABLE_HEAD, ...attention].join('\n'))
  if (passing.length > 0) {
    const table = [TABLE_HEAD, ...passing].join('\n')
    parts.push(
      attention.length > 0
        ? `<details><summary>${passing.length} check(s) at or above ${threshold}</summary>\n\n${table}\n\n</details>`
        : table
    )
  }
  return parts.join('\n\n')
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** The report of a run that ended without a result (bad input, timeout, SSD fault). */
export function renderFailure(message: string, marker = ''): string {
  const lines = message.split('\n').map((line) => escapeText(line, 2000))
  return `${marker ? `${marker}\n` : ''}## ❌ OpsMx SSD gate: no result\n\n${lines.join('<br>\n')}\n`
}
