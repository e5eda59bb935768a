/**
 * How the report writes findings: one table row each, with its severity, rule, location
 * (linked to the line on GitHub when the file is in the repository) and message, shared by
 * the scans' tables, the comparison's new findings and the Waived group; the overview line
 * near the top (new, already on the base branch, waived); and the folds' summaries. Pure.
 */
import type { Decision } from './decision.ts'
import { escapeText, linkOrText } from './markdown.ts'
import { repositoryPath, SEVERITIES, type Finding, type Scan } from './scans.ts'
import { plural } from './text.ts'

/** Findings of a scan shown before the rest are folded away. */
export const SHOWN_FINDINGS = 20

export const FINDING_HEAD = '| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |'

const SEVERITY_MARK: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '⬜', info: '▫️' }

/** Where a finding's file can be linked: the repository on GitHub, at the commit the result is of. */
export interface FileLinks {
  repositoryUrl: string
  commit: string
}

export function fileLinks(context: {
  repositoryUrl?: string | undefined
  scannedCommit: string
}): FileLinks | undefined {
  return context.repositoryUrl && context.scannedCommit
    ? { repositoryUrl: context.repositoryUrl, commit: context.scannedCommit }
    : undefined
}

/** The file's line on GitHub, for a path inside the repository only (see repositoryPath). */
function blobUrl(links: FileLinks, finding: Finding): string | undefined {
  const path = repositoryPath(finding)
  if (path === undefined) return undefined
  const { line } = finding
  const anchor = line !== undefined && Number.isInteger(line) && line >= 1 ? `#L${line}` : ''
  return `${links.repositoryUrl}/blob/${links.commit}/${path.split('/').map(encodeURIComponent).join('/')}${anchor}`
}

/** `🟧 high (ERROR)`: the normalised severity, then the tool's word when it differs. */
function severityLabel(finding: Finding): string {
  const word = finding.severity ?? 'unknown'
  const label = finding.severityText.trim().toLowerCase() === word ? '' : ` (${escapeText(finding.severityText, 20)})`
  return `${SEVERITY_MARK[word] ?? '▫️'} ${word}${label}`
}

/** `src/a.js:3`, linked to that line when it can be; '' when the finding names no place. */
export function findingLocation(finding: Finding, links: FileLinks | undefined): string {
  const place = finding.file ? `${finding.file}${finding.line !== undefined ? `:${finding.line}` : ''}` : ''
  if (!place) return ''
  const url = links ? blobUrl(links, finding) : undefined
  return linkOrText(place, url ?? '', 150)
}

/** `| 🟧 high (ERROR) | rule | [src/a.js:3](…#L3) | message |` */
export function renderFinding(finding: Finding, links: FileLinks | undefined): string {
  return `| ${severityLabel(finding)} | ${escapeText(finding.rule, 100)} | ${findingLocation(finding, links)} | ${escapeText(finding.message)} |`
}

/** `2 high, 1 medium`, most severe first. */
export function severityBreakdown(findings: Finding[]): string {
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

/**
 * One line near the top: how many findings there are, which of them are new, already on the
 * base branch or waived, and where to read all of them.
 */
export function findingsOverview(scans: Scan[], decision: Decision, fullListAt: string): string {
  const findings = scans.flatMap((scan) => scan.findings)
  if (findings.length === 0) return ''
  const waived = findings.filter((finding) => decision.waivedFindings.has(finding)).length
  const onBase = findings.filter((f) => decision.baseFindings.has(f) && !decision.waivedFindings.has(f)).length
  const { scope } = decision
  const split =
    scope.kind === 'new'
      ? [
          `${(findings.length - waived - onBase).toLocaleString('en-US')} new in this pull request`,
          onBase ? `${onBase.toLocaleString('en-US')} already on ${escapeText(scope.baseBranch, 100)}` : ''
        ]
      : []
  // Nothing to tell apart when every finding is new (the comparison says so) and none is waived.
  const parts =
    onBase + waived > 0 ? [...split, waived ? `${waived.toLocaleString('en-US')} waived` : ''].filter(Boolean) : []
  const folding = scans.some((scan) => scan.findings.length > SHOWN_FINDINGS)
  const counts = `**${plural(findings.length, 'finding')}** (${severityBreakdown(findings)})`
  const order = parts.length ? `: ${parts.join(', ')}. Most severe first` : ', most severe first'
  const folds = folding ? `; past the first ${SHOWN_FINDINGS} of a scan they are folded away` : ''
  return `${counts}${order}${folds}. Every finding is in ${fullListAt}.`
}

export function moreFindingsSummary(count: number): string {
  return `${plural(count, 'more finding')}, less severe`
}

/** The fold of a scan's findings already on the base branch: they never fail the pull request. */
export function baseFindingsSummary(count: number, baseBranch: string | undefined): string {
  const they = count === 1 ? 'it does' : 'they do'
  return `${plural(count, 'finding')} already on ${escapeText(baseBranch ?? 'the base branch', 100)}: ${they} not fail this pull request`
}
