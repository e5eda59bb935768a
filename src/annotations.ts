/**
 * The findings that gate, as annotations at their file and line, so GitHub shows them on the
 * pull request's "Files changed" tab: critical and high as errors, medium as warnings, low
 * and info as notices. GitHub keeps only the first few annotations of each level per step,
 * the action's own lines included, so the most severe come first and the rest are counted.
 * `pickAnnotations` is pure; `writeFindingAnnotations` writes them through the log.
 */
import type { Decision } from './decision.ts'
import * as log from './log.ts'
import type { Annotation, AnnotationLevel } from './log.ts'
import { repositoryPath, scanName, severityRank, type Finding, type Scan, type Severity } from './scans.ts'
import { cutText, plural } from './text.ts'

/** GitHub keeps at most this many annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10

const LEVEL: Record<Severity, AnnotationLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice'
}

/** A severity the action does not know is neither an error nor nothing: a warning. */
function levelOf(finding: Finding): AnnotationLevel {
  return finding.severity ? LEVEL[finding.severity] : 'warning'
}

/**
 * The findings that gate (not waived, and on a pull request not already on the base branch),
 * most severe first, as many at each level as `room` leaves; `left`: how many did not fit.
 */
export function pickAnnotations(
  scans: Scan[],
  decision: Pick<Decision, 'waivedFindings' | 'baseFindings'>,
  room: Record<AnnotationLevel, number>
): { annotations: Annotation[]; left: number } {
  const gating = scans
    .flatMap((scan) => scan.findings.map((finding) => ({ scan, finding })))
    .filter(({ finding }) => !decision.waivedFindings.has(finding) && !decision.baseFindings.has(finding))
    .sort((a, b) => severityRank(a.finding) - severityRank(b.finding))
  const free = { ...room }
  const annotations: Annotation[] = []
  for (const { scan, finding } of gating) {
    const level = levelOf(finding)
    if (free[level] <= 0) continue
    free[level]--
    annotations.push(annotationOf(scan, finding, level))
  }
  return { annotations, left: gating.length - annotations.length }
}

function annotationOf(scan: Scan, finding: Finding, level: AnnotationLevel): Annotation {
  const file = repositoryPath(finding)
  const { line } = finding
  const title = cutText(`${scanName(scan)}: ${finding.rule || finding.severityText}`, 200)
  return {
    level,
    title,
    message: cutText(finding.message || finding.rule || 'finding', 2000),
    ...(file !== undefined ? { file } : {}),
    ...(file !== undefined && line !== undefined && Number.isInteger(line) && line >= 1 ? { line } : {})
  }
}

/**
 * Writes the annotations that still fit beside the action's own lines: those written so far,
 * and the one that ends the step (`last`: an error when it fails, a warning under warnOnly).
 * `whereAll` says where every finding can be read, for the line on those left out.
 */
export function writeFindingAnnotations(
  scans: Scan[],
  decision: Decision,
  last: AnnotationLevel | undefined,
  whereAll: string
): void {
  const written = log.annotationsWritten()
  const room = (level: AnnotationLevel): number =>
    Math.max(0, ANNOTATIONS_PER_LEVEL - written[level] - (last === level ? 1 : 0))
  const { annotations, left } = pickAnnotations(scans, decision, {
    error: room('error'),
    warning: room('warning'),
    notice: room('notice')
  })
  for (const annotation of annotations) log.annotate(annotation)
  if (left > 0) {
    log.info(
      `${plural(left, 'more finding')} ${left === 1 ? 'is' : 'are'} not annotated: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step. Every finding is in ${whereAll}.`
    )
  }
}
