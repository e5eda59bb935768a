/**
 * The report's comparison with the base branch: the score against the base branch's, the
 * checks that got worse and the findings new in this pull request. Pure, and bounded: it
 * lists a few of each, so the report's size budget can count it whole.
 */
import type { Comparison } from './comparison.ts'
import { commitLink, escapeText } from './markdown.ts'
import type { Finding } from './scans.ts'

/** Rows listed of each kind; the rest are counted. */
const LISTED = 10

export function renderComparison(
  comparison: Comparison | undefined,
  unavailable: string | undefined,
  score: { value: number | undefined; text: string },
  renderFinding: (finding: Finding) => string,
  findingHead: string,
  repositoryUrl: string | undefined
): string {
  if (!comparison) return unavailable ? `ℹ️ ${escapeText(unavailable, 400)}` : ''
  const base = escapeText(comparison.baseBranch, 100)
  const parts = [scoreAgainstBase(comparison, score, base, repositoryUrl)]
  const { worseChecks, newFindings } = comparison
  if (worseChecks.length > 0) {
    const listed = worseChecks
      .slice(0, LISTED)
      .map((check) => `${escapeText(check.name, 80)} ${check.baseScore} → ${check.score}`)
      .join(' · ')
    parts.push(
      `**${plural(worseChecks.length, 'check')} scored lower than on ${base}:** ${listed}${more(worseChecks.length)}`
    )
  }
  if (newFindings.length > 0) {
    parts.push(
      `**${plural(newFindings.length, 'finding')} new in this pull request**${newFindings.length > LISTED ? ` (the first ${LISTED})` : ''}:\n\n` +
        [findingHead, ...newFindings.slice(0, LISTED).map(renderFinding)].join('\n')
    )
  } else if (worseChecks.length === 0) {
    parts.push(`No check scored lower and no finding is new against ${base}.`)
  }
  return parts.join('\n\n')
}

/** `Against main (commit abcdef0): 6.1, down 0.7 from main's 6.8.` */
function scoreAgainstBase(
  comparison: Comparison,
  score: { value: number | undefined; text: string },
  base: string,
  repositoryUrl: string | undefined
): string {
  const commit = comparison.baseCommit ? ` (commit ${commitLink(comparison.baseCommit, repositoryUrl)})` : ''
  const { scoreDelta, baseScoreText } = comparison
  if (scoreDelta === undefined || score.value === undefined) {
    return `**Against ${base}**${commit}: no score to compare${baseScoreText ? ` (${base}'s is ${escapeText(baseScoreText, 20)})` : ''}.`
  }
  const now = escapeText(score.text, 20)
  const was = escapeText(baseScoreText, 20)
  const change = scoreDelta < 0 ? `down ${-scoreDelta} from` : scoreDelta > 0 ? `up ${scoreDelta} from` : 'the same as'
  return `**Against ${base}**${commit}: ${now}, ${change} ${base}'s ${was}.`
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`
}

function more(count: number): string {
  return count > LISTED ? ` and ${(count - LISTED).toLocaleString('en-US')} more` : ''
}
