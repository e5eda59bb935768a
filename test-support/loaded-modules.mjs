/**
 * Records which files the bundle loads: run `node --import <this file>` with LOADED_MODULES_FILE
 * set, and every module URL Node resolves is appended to that file, one a line. Tests use it to
 * hold the bundle to what a run must not load (Octokit on push, the YAML parser without a
 * waivers file). Node runs the resolve hook on its own thread, where this file is loaded again.
 */
import { appendFileSync } from 'node:fs'
import { register } from 'node:module'
import { isMainThread } from 'node:worker_threads'

if (isMainThread) register(import.meta.url)

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  if (process.env.LOADED_MODULES_FILE) appendFileSync(process.env.LOADED_MODULES_FILE, `${resolved.url}\n`)
  return resolved
}
