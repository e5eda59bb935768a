/**
 * The action's log. Scan data can come from the code under review, so a log line must not
 * carry a secret or be read by the runner as a workflow command.
 */
import * as core from '@actions/core'
import { redact } from './secrets.ts'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** An annotation at a place in the repository (see annotations.ts). */
export interface Annotation {
  level: AnnotationLevel
  title: string
  message: string
  /** A path inside the repository only. */
  file?: string
  line?: number
}

/** Annotations written so far at each level: GitHub keeps only the first few of each per step. */
const written: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 }

export function annotationsWritten(): Readonly<Record<AnnotationLevel, number>> {
  return { ...written }
}

/**
 * `::` after the whitespace the runner skips: .NET's, which has U+0085 (next line), as
 * JavaScript's `\s` has not.
 */
const LEADING_COMMAND = /^([\s\u0085]*)::/

/**
 * One line, no secret, no workflow command. The runner reads `::name::` only at the start
 * of a line (after spaces), so only a `::` there is broken up: an IPv6 host such as
 * `[::1]` stays as it is. Its legacy form `##[name]` is read anywhere in a line.
 */
function logSafe(text: string): string {
  // An exit: the guarantee for the log (see secrets.ts).
  return redact(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(LEADING_COMMAND, '$1: :')
    .replace(/##\[/g, '## [')
}

export function info(message: string): void {
  core.info(logSafe(message))
}

/**
 * Annotations are commands already (`::warning::` then the text, its line breaks escaped
 * by the toolkit): the runner has parsed the command before it reaches the text, so
 * nothing in the text can start another one.
 */
function annotation(text: string): string {
  // An exit: the guarantee for annotations and the failure message (see secrets.ts).
  return redact(text)
}

export function warning(message: string): void {
  written.warning++
  core.warning(annotation(message))
}

export function notice(message: string): void {
  written.notice++
  core.notice(annotation(message))
}

export function fail(message: string): void {
  written.error++
  core.setFailed(annotation(message))
}

/**
 * An annotation at a file and line. The toolkit escapes the properties (`%`, `\r`, `\n`,
 * `:`, `,`) and the message as the runner requires; each is redacted first, like every
 * annotation.
 */
export function annotate({ level, title, message, file, line }: Annotation): void {
  written[level]++
  const properties = {
    title: annotation(title),
    ...(file !== undefined ? { file: annotation(file) } : {}),
    ...(line !== undefined ? { startLine: line } : {})
  }
  core[level](annotation(message), properties)
}
