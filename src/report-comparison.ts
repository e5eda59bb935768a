/**
 * The report's comparison with the base branch: the score against the base branch's, the
 * checks that got worse and the findings new in this pull request. Pure, and bounded: it
 * lists at most `listed` of each and counts the rest, so the report's budget can take it whole.
 */
import type { Comparison } from './comparison.ts'
import { commitLink, escapeText, shownScore } from './markdown.ts'
import type { Finding } from './scans.ts'
import { plural } from './text.ts'

export interface ComparisonView {
  comparison: Comparison | undefined
  /** Why there is no comparison; '' or undefined when none was asked for. */
  unavailable: string | undefined
  /** This result's gated score. */
  score: { value: number | undefined; text: string }
  repositoryUrl: string | undefined
  /** How the report writes a findings table: its head, and one row. */
  finding: { head: string; row: (finding: Finding) => string }
  /** Checks and findings listed of each kind (0: counts alone). */
  listed: number
}

export function renderComparison(view: ComparisonView): string {
  const { comparison, listed } = view
  if (!comparison) return view.unavailable ? `ℹ️ ${escapeText(view.unavailable, 400)}` : ''
  const base = escapeText(comparison.baseBranch, 100)
  const parts = [scoreAgainstBase(view, comparison, base)]
  const { worseChecks, newFindings } = comparison
  if (worseChecks.length > 0) {
    const names = worseChecks
      .slice(0, listed)
      .map((check) => `${escapeText(check.name, 80)} ${check.baseScore} → ${check.score}`)
    const more = worseChecks.length - names.length
    if (more > 0 && names.length > 0) names.push(`${more.toLocaleString('en-US')} more`)
    parts.push(
      `**${plural(worseChecks.length, 'check')} scored lower than on ${base}**${names.length ? `: ${names.join(' · ')}` : '.'}`
    )
  }
  if (newFindings.length > 0) {
    const rows = newFindings.slice(0, listed).map(view.finding.row)
    const which =
      rows.length === 0 ? '.' : rows.length < newFindings.length ? ` (the ${rows.length} most severe):` : ':'
    const sorted = rows.length ? `\n\n${[view.finding.head, ...rows].join('\n')}` : ''
    parts.push(`**${plural(newFindings.length, 'finding')} new in this pull request**${which}${sorted}`)
  } else if (worseChecks.length === 0) {
    parts.push(`No check scored lower and no finding is new against ${base}.`)
  }
  return parts.join('\n\n')
}

/** `**Against main** (commit abcdef0): 6.1, down 0.7 from main's 6.8.` */
function scoreAgainstBase(view: ComparisonView, comparison: Comparison, base: string): string {
  const commit = comparison.baseCommit ? ` (commit ${commitLink(comparison.baseCommit, view.repositoryUrl)})` : ''
  const { scoreDelta, baseScoreText } = comparison
  const { baseScore } = comparison
  if (scoreDelta === undefined || view.score.value === undefined || baseScore === undefined) {
    const theirs = baseScore !== undefined ? ` (${base}'s is ${shownScore(baseScoreText, baseScore)})` : ''
    return `**Against ${base}**${commit}: no score to compare${theirs}.`
  }
  const now = shownScore(view.score.text, view.score.value)
  const was = shownScore(baseScoreText, baseScore)
  const change = scoreDelta < 0 ? `down ${-scoreDelta} from` : scoreDelta > 0 ? `up ${scoreDelta} from` : 'the same as'
  return `**Against ${base}**${commit}: ${now}, ${change} ${base}'s ${was}.`
}
