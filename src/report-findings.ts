/**
 * How the report writes a finding: one table row with its severity, rule, location (linked
 * to the line on GitHub when the file is in the repository) and message. Pure; shared by the
 * scans' tables, the comparison's new findings and the Waived group.
 */
import { escapeText, linkOrText } from './markdown.ts'
import { repositoryPath, SEVERITIES, type Finding } from './scans.ts'

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
export function severityLabel(finding: Finding): string {
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
