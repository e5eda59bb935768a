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

/** Room kept for the note about rows left out, and the table headers. */
const RESERVED_BYTES = 1024

interface Row {
  scanIndex: number
  check: Check
  failing: boolean
  text: string
}

export function renderReport(scans: Scan[], decision: Decision, context: ReportContext, limits: RenderLimits): string {
  const head = renderHead(scans, decision, context)
  const foot = renderFoot(context)
  const rows = rankRows(scans, decision.threshold)

  // Worst rows first, while they fit; the rest are counted and pointed to.
  let budget = limits.maxBytes - byteLength(head) - byteLength(foot) - RESERVED_BYTES * (scans.length + 1)
  const kept = new Set<Row>()
  for (const row of rows) {
    budget -= byteLength(row.text) + 1
    if (budget < 0) break
    kept.add(row)
  }

  const sections = scans.map((scan, index) =>
    renderScan(
      scan,
      rows.filter((row) => row.scanIndex === index && kept.has(row)),
      decision.threshold
    )
  )
  const omitted = rows.length - kept.size
  const note =
    omitted > 0
      ? [
          `> [!NOTE]\n> ${omitted.toLocaleString('en-US')} more check(s) are not shown here to stay within GitHub's size limit; the full results are in ${limits.fullResultsAt}.`
        ]
      : []
  return [head, ...sections, ...note, foot].join('\n\n') + '\n'
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

/** Every check of every scan, worst first: failing by score, then inconclusive, then passing. */
function rankRows(scans: Scan[], threshold: number): Row[] {
  const rank = (check: Check): number => (check.score === null ? 1 : isFailing(check, threshold) ? 0 : 2)
  const rows = scans.flatMap((scan, scanIndex) =>
    scan.checks.map((check) => ({
      scanIndex,
      check,
      failing: isFailing(check, threshold),
      text: renderRow(check, threshold)
    }))
  )
  return rows.sort((a, b) => rank(a.check) - rank(b.check) || (a.check.score ?? 0) - (b.check.score ?? 0))
}

function renderRow(check: Check, threshold: number): string {
  const mark = check.score === null ? '❔' : isFailing(check, threshold) ? '❌' : '✅'
  const score = check.score === null ? '?' : String(check.score)
  return `| ${mark} | ${linkOrText(check.name, check.url, 100)} | ${score} | ${escapeText(check.reason)} |`
}

const TABLE_HEAD = '| | Check | Score | Reason |\n| --- | --- | ---: | --- |'

function renderScan(scan: Scan, rows: Row[], threshold: number): string {
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
    return parts.join('\n\n')
  }
  const needsAttention = (row: Row): boolean => row.check.score === null || row.failing
  const attention = rows.filter(needsAttention)
  const passing = rows.filter((row) => !needsAttention(row))
  if (attention.length > 0) parts.push([TABLE_HEAD, ...attention.map((row) => row.text)].join('\n'))
  if (passing.length > 0) {
    const table = [TABLE_HEAD, ...passing.map((row) => row.text)].join('\n')
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

/** The job summary of a run that ended without a result (bad input, timeout, SSD fault). */
export function renderFailure(message: string): string {
  return `## ❌ OpsMx SSD gate: no result\n\n${escapeText(message, 2000)}\n`
}
