/**
 * The values that must never be shown. The runner masks its own log, but nothing masks
 * what the action writes through an API (a PR comment), so every text that leaves the
 * action passes through `redact`.
 */
import * as core from '@actions/core'

const secrets = new Set<string>()

/** Masks `value` in the runner's log and removes it from every text `redact` sees. */
export function addSecret(value: string): void {
  if (!value || secrets.has(value)) return
  core.setSecret(value)
  for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
    secrets.add(form)
  }
}

export function redact(text: string): string {
  let result = text
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join('***')
  }
  return result
}
