/**
 * What a run of the shipped bundle loads (the cost rules): a push run never loads the
 * GitHub client (Octokit), and the YAML parser loads only when a waivers file was found. The
 * bundle is run under test-support/loaded-modules.mjs, which records every module Node
 * resolves; a chunk is recognised by what it defines, not by its build-given number.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runGate, useServers } from '../test-support/harness.ts'
import { makeTempDir, pullRequestEvent, pushEvent, PUSH_SHA, PR_HEAD_SHA, ROOT } from '../test-support/runner.ts'
import { EXAMPLE_WAIVERS, WAIVERS_PATH } from '../test-support/waivers.ts'

const servers = useServers()

/** What each run must be told apart by: the code that defines it. */
const DEFINES = { octokit: 'class Octokit', yaml: 'class LineCounter' }

/** Runs the bundle on `event` and says which of DEFINES the files it loaded from dist/ define. */
async function loadedBy(event: typeof pushEvent): Promise<string[]> {
  const record = join(makeTempDir(), 'loaded.txt')
  const result = await runGate(
    servers,
    {},
    {
      event,
      env: {
        GITHUB_API_URL: servers.github.apiUrl,
        NODE_OPTIONS: `--import=${join(ROOT, 'test-support', 'loaded-modules.mjs')}`,
        LOADED_MODULES_FILE: record
      }
    }
  )
  expect(result.stderr).not.toMatch(/Error/)
  const files = readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes('/dist/'))
    .map((url) => fileURLToPath(url))
  // The probe works: the bundle's own entry point is among what it saw.
  expect(files).toContain(join(ROOT, 'dist', 'index.js'))
  const code = files.map((file) => readFileSync(file, 'utf8'))
  return Object.entries(DEFINES)
    .filter(([, marker]) => code.some((text) => text.includes(marker)))
    .map(([name]) => name)
}

describe('what a run loads', () => {
  test('push without a waivers file: neither the GitHub client nor the YAML parser', async () => {
    expect(await loadedBy(pushEvent)).toEqual([])
  })

  test('push with a waivers file: the YAML parser, still no GitHub client', async () => {
    servers.github.putFile(PUSH_SHA, WAIVERS_PATH, EXAMPLE_WAIVERS)
    expect(await loadedBy(pushEvent)).toEqual(['yaml'])
  })

  test('a pull request with its comment and a waivers file: both', async () => {
    servers.github.putFile(PR_HEAD_SHA, WAIVERS_PATH, EXAMPLE_WAIVERS)
    expect(await loadedBy(pullRequestEvent())).toEqual(['octokit', 'yaml'])
  })
})
