/**
 * The action's log. Scan data can come from the code under review, so a log line must not
 * carry a secret or start a workflow command (`::set-output`, `::add-mask::`...).
 */
import * as core from '@actions/core'
import { redact } from './secrets.ts'

/** One line, no secret, no `::` that the runner could read as a command. */
function logSafe(text: string): string {
  return redact(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/::/g, ': :')
}

export function info(message: string): void {
  core.info(logSafe(message))
}

/** Annotations keep their line breaks (the toolkit escapes them); `::` is broken up all the same. */
function annotation(text: string): string {
  return redact(text).replace(/::/g, ': :')
}

export function warning(message: string): void {
  core.warning(annotation(message))
}

export function notice(message: string): void {
  core.notice(annotation(message))
}

export function fail(message: string): void {
  core.setFailed(annotation(message))
}
