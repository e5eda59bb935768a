/**
 * The report's waiver parts, pure and bounded by the report's budget: the waivers a pull
 * request adds or changes (right under the verdict, so the reviewer sees that the pull
 * request accepts a risk of its own), and the folded "Waived" group, each waived finding or
 * check with its reason, end date and approver.
 */
import { Budget, takeLines } from './budget.ts'
import { escapeText, folded } from './markdown.ts'
import { findingLocation, type FileLinks } from './report-findings.ts'
import { scanName } from './scans.ts'
import { plural } from './text.ts'
import { daysBetween, describeWaiver, EXPIRY_WARNING_DAYS, type Waived, type Waiver } from './waiver-outcome.ts'

/** Waivers listed by name before the rest are counted. */
const LISTED_WAIVERS = 10
const WAIVED_HEAD = '| Waived | What | Reason | Until | Approved by |\n| --- | --- | --- | --- | --- |'

/**
 * `2027-03-31`, or `2026-12-09 (5 days left)` when the end is within two weeks, or
 * `(expired)` for one past its end (a pull request may add one).
 */
function until(waiver: Waiver, today: string | undefined): string {
  const left = today ? daysBetween(today, waiver.expires) : undefined
  const soon =
    left === undefined || left > EXPIRY_WARNING_DAYS
      ? ''
      : left < 0
        ? ' (expired)'
        : left === 0
          ? ' (last day)'
          : ` (${plural(left, 'day')} left)`
  return `${escapeText(waiver.expires, 10)}${soon}`
}

/**
 * `> [!IMPORTANT]` with the waivers this pull request adds or changes, or '' when none (or
 * when not even the first line fits).
 */
export function renderAddedWaivers(
  added: readonly Waiver[],
  file: string,
  today: string | undefined,
  budget: Budget
): string {
  if (added.length === 0) return ''
  const intro = `> [!IMPORTANT]\n> This pull request adds or changes ${plural(added.length, 'waiver')} in ${escapeText(file, 200)}; a reviewer should agree to each:`
  if (!budget.take(intro + '\n\n')) return ''
  const { lines } = takeLines(
    budget,
    added,
    (waiver) =>
      `> - ${escapeText(describeWaiver(waiver), 400)}: ${escapeText(waiver.reason, 300)}; until ${until(waiver, today)}` +
      `${waiver.approvedBy ? `; approved by ${escapeText(waiver.approvedBy, 100)}` : ''} (entry ${waiver.entry}, line ${waiver.line})`,
    (count) => `> - and ${plural(count, 'more waiver')}, in the file`,
    LISTED_WAIVERS
  )
  return [intro, ...lines].join('\n')
}

export interface WaivedView {
  waived: readonly Waived[]
  today: string | undefined
  threshold: number
  links: FileLinks | undefined
}

/** One row of the Waived table. */
function renderWaivedRow(item: Waived, view: WaivedView): string {
  const tool = escapeText(scanName(item.scan), 60)
  const what =
    item.kind === 'finding'
      ? [tool, escapeText(item.finding.rule, 150), findingLocation(item.finding, view.links)]
          .filter(Boolean)
          .join(' · ')
      : `${tool} · ${escapeText(item.check.name, 100)} (score ${item.check.score ?? '?'})`
  const { waiver } = item
  const approved = waiver.approvedBy ? escapeText(waiver.approvedBy, 100) : ''
  return `| 🏳️ ${item.kind} | ${what} | ${escapeText(waiver.reason, 300)} | ${until(waiver, view.today)} | ${approved} |`
}

/** `2 findings and 1 check`. */
function countWaived(waived: readonly Waived[]): string {
  const findings = waived.filter((item) => item.kind === 'finding').length
  const checks = waived.length - findings
  return [findings ? plural(findings, 'finding') : '', checks ? plural(checks, 'check') : '']
    .filter(Boolean)
    .join(' and ')
}

/**
 * The folded Waived group and, when a waived check scores below the threshold, the line
 * saying SSD's aggregate still counts it. `shownFindings`: the waived findings listed (they
 * appear nowhere else in the report).
 */
export function renderWaived(view: WaivedView, budget: Budget): { text: string; shownFindings: number } {
  const { waived } = view
  if (waived.length === 0) return { text: '', shownFindings: 0 }
  const they = waived.length === 1 ? 'it does not fail the step until its' : 'they do not fail the step until their'
  const summary = `🏳️ ${countWaived(waived)} waived: ${they} end date`
  const shell = folded(summary, WAIVED_HEAD)
  if (!budget.take(shell + '\n\n')) return { text: '', shownFindings: 0 }
  const rows = takeLines(
    budget,
    waived,
    (item) => renderWaivedRow(item, view),
    (count) => `| | ${plural(count, 'more waived item')}, not shown here | | | |`
  )
  const shownFindings = waived.slice(0, rows.shown).filter((item) => item.kind === 'finding').length
  const parts = [folded(summary, [WAIVED_HEAD, ...rows.lines].join('\n'))]
  const low = waived.filter(
    (item) => item.kind === 'check' && item.check.score !== null && item.check.score < view.threshold
  )
  if (low.length > 0) {
    const names = low
      .slice(0, 3)
      .map((item) => (item.kind === 'check' ? escapeText(item.check.name, 60) : ''))
      .join(', ')
    const note = `ℹ️ ${names}${low.length > 3 ? ` and ${plural(low.length - 3, 'more')}` : ''} ${low.length === 1 ? 'is' : 'are'} waived but still ${low.length === 1 ? 'scores' : 'score'} below the threshold ${view.threshold} in SSD's aggregate score: the score is SSD's, and is gated as it is.`
    if (budget.take(note + '\n\n')) parts.push(note)
  }
  return { text: parts.join('\n\n'), shownFindings }
}
