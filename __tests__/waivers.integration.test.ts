/**
 * Waivers through the shipped bundle: a file in the repository, read at the commit under
 * review through the GitHub stand-in's contents API, that takes a finding or a check out of
 * the gate until its end date; what happens at expiry, for a waiver that matches nothing, for
 * a pull request that adds one, for a bad file (before any SSD request) and for a file that
 * cannot be read.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { utcDate } from '../src/waiver-outcome.ts'
import { errorOf, expectTokenNowhere, runGate, useServers } from '../test-support/harness.ts'
import {
  makeTempDir,
  PR_BASE_SHA,
  PR_HEAD_SHA,
  pushEvent,
  PUSH_SHA,
  type RunOptions,
  type RunResult
} from '../test-support/runner.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'
import { BAD_WAIVERS, daysFrom, WAIVERS_PATH, waiversFile, type EntryFields } from '../test-support/waivers.ts'
import { parseWorkflowCommands } from '../test-support/workflow-commands.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, { failOnSeverity: 'high', threshold: '0', newFindingsOnly: 'false', ...inputs }, options)

const today = utcDate()
const later = daysFrom(today, 100)

const semgrep = (hits: Array<[rule: string, file: string, line: number]>) => ({
  scanName: 'semgrep',
  scanTool: 'Semgrep',
  status: 'Completed',
  error: '',
  metadata: {},
  data: hits.map(([rule, file, line]) => ({
    severity: 'ERROR',
    rule_name: rule,
    rule_message: `${rule} in ${file}`,
    metadata: { file_path: file, line }
  }))
})
const MD5 = 'javascript.lang.security.audit.md5-used'

/** The head's result: Scorecard (Fuzzing 0, among others) and two Semgrep findings. */
function scanned(): void {
  servers.ssd.targetOf('feature').result = [
    exampleScan({ metadata: { score: 6 } }),
    semgrep([
      [MD5, 'src/legacy/cache.js', 12],
      [MD5, 'src/api/token.js', 3]
    ])
  ]
}

/** The waivers file at the pull request's head commit (and at its base, when given). */
function waivers(head: EntryFields[], base?: EntryFields[]): void {
  servers.github.putFile(PR_HEAD_SHA, WAIVERS_PATH, waiversFile(head))
  if (base) servers.github.putFile(PR_BASE_SHA, WAIVERS_PATH, waiversFile(base))
}

const commands = (result: RunResult, name: string) =>
  parseWorkflowCommands(result.stdout).filter((command) => command.name === name)
const comment = (): string => servers.github.comments.get(7)?.[0]?.body ?? ''

describe('a waiver that applies', () => {
  test('by rule and path glob: only the finding under the glob is waived; the other still fails', async () => {
    scanned()
    waivers([
      {
        rule: MD5,
        path: 'src/legacy/**',
        tool: 'semgrep',
        reason: 'MD5 keys a cache',
        expires: later,
        approvedBy: '@acme/security'
      }
    ])
    const result = await run()

    expect(result.code).toBe(1)
    expect(errorOf(result)).toBe('1 finding at or above high (failOnSeverity). 1 waived does not count.')
    expect(JSON.parse(result.outputs.waived ?? '')).toEqual([
      {
        kind: 'finding',
        tool: 'Semgrep',
        rule: MD5,
        file: 'src/legacy/cache.js',
        line: 12,
        reason: 'MD5 keys a cache',
        expires: later
      }
    ])
    expect(comment()).toContain('🏳️ 1 finding waived: it does not fail the step until its end date')
    expect(comment()).toContain('| MD5 keys a cache | ' + later + ' | @\u200bacme/security |')
    // The waived finding is not annotated; the other one is.
    expect(commands(result, 'error').map((command) => command.properties.file)).toEqual(['src/api/token.js', undefined])
    const read = servers.github.requests.find((request) => request.path.includes('/contents/'))
    expect(read).toMatchObject({
      path: `/repos/octo-org/octo-repo/contents/${WAIVERS_PATH}`,
      query: { ref: PR_HEAD_SHA }
    })
    expectTokenNowhere(result, servers)
  })

  test('by rule alone: every file; the step passes', async () => {
    scanned()
    waivers([{ rule: MD5, reason: 'accepted everywhere', expires: later }])
    const result = await run()
    expect(result.code).toBe(0)
    expect(JSON.parse(result.outputs.waived ?? '')).toHaveLength(2)
  })

  test('by check: out of failedChecks and checkThresholds, still shown, marked waived; the aggregate stays gated', async () => {
    scanned()
    waivers([{ check: 'fuzzing', reason: 'fuzzing lands with the parser rewrite', expires: later }])
    const result = await run({ failOnSeverity: '', checkThresholds: 'Fuzzing=5', threshold: '7' })

    expect(JSON.parse(result.outputs.failedChecks ?? '')).not.toContain('Fuzzing')
    expect(JSON.parse(result.outputs.failedCheckRules ?? '')).toEqual([])
    expect(result.code).toBe(1) // the score, 6 < 7, is SSD's and is gated as it is
    expect(errorOf(result)).toMatch(/^SSD score 6 is below the threshold 7\b/)
    expect(comment()).toMatch(/\| 🏳️ \| \[Fuzzing\]\([^)]*\) \| 0 \| \*\*rule Fuzzing=5\*\* · waived until /)
    expect(comment()).toContain("ℹ️ Fuzzing is waived but still scores below the threshold 7 in SSD's aggregate score")
  })

  test('SARIF: the waived finding and check carry an accepted suppression, and the log is valid SARIF', async () => {
    scanned()
    waivers([
      { rule: MD5, path: 'src/legacy/*.js', reason: 'cache keys only', expires: later },
      { check: 'Fuzzing', reason: 'later', expires: later }
    ])
    const dir = makeTempDir()
    const result = await run({ sarifFile: 'out/ssd.sarif', checkThresholds: '*=5' }, { env: { GITHUB_WORKSPACE: dir } })
    const sarif = JSON.parse(readFileSync(join(dir, 'out/ssd.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown[]; locations: unknown[] }> }>
    }
    expect(result.outputs.sarifFile).toBe(join(dir, 'out/ssd.sarif'))
    expect(sarifSchemaErrors(sarif)).toEqual([])
    const suppressed = sarif.runs.flatMap((r) => r.results).filter((r) => r.suppressions)
    expect(suppressed.map((r) => [r.ruleId, r.suppressions])).toEqual([
      ['Fuzzing', [{ kind: 'external', status: 'accepted', justification: 'later' }]],
      [MD5, [{ kind: 'external', status: 'accepted', justification: 'cache keys only' }]]
    ])
  })
})

describe('around the end date', () => {
  test('an expired waiver has no effect, and a warning names it with its reason', async () => {
    scanned()
    const yesterday = daysFrom(today, -1)
    waivers([{ rule: MD5, reason: 'was a false positive', expires: yesterday }])
    const result = await run()

    expect(result.code).toBe(1)
    expect(errorOf(result)).toBe('2 findings at or above high (failOnSeverity).')
    expect(commands(result, 'warning').map((command) => command.message)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Waiver for ${MD5.replace(/\./g, '\\.')} expired on ${yesterday} \\(reason: was a false positive\\)`
        )
      )
    )
    expect(result.outputs.waived).toBe('[]')
  })

  test('a waiver ending in 5 days still applies, with a warning that counts the days', async () => {
    scanned()
    const soon = daysFrom(today, 5)
    waivers([{ check: 'Fuzzing', reason: 'fuzzing lands with the parser rewrite', expires: soon }])
    const result = await run({ failOnSeverity: '', checkThresholds: 'Fuzzing=5' })

    expect(result.code).toBe(0)
    expect(commands(result, 'warning').map((command) => command.message)).toContainEqual(
      expect.stringContaining(`Waiver for check Fuzzing expires on ${soon}, in 5 days`)
    )
    expect(comment()).toContain(`${soon} (5 days left)`)
  })

  test('a waiver that matches nothing is a notice that it can be removed', async () => {
    scanned()
    waivers([{ rule: 'no.such.rule', reason: 'gone', expires: later }])
    const result = await run()
    expect(commands(result, 'notice').map((command) => command.message)).toContainEqual(
      expect.stringMatching(/^Waiver for no\.such\.rule matches nothing in this result: it can be removed/)
    )
  })

  test('a waiver naming a check that passes waives nothing: not in the report nor in waived, and can be removed', async () => {
    scanned()
    waivers([{ check: 'License', reason: 'fixed since', expires: daysFrom(today, 5) }])
    const result = await run({ failOnSeverity: '', checkThresholds: 'License=5' })

    expect(result.code).toBe(0)
    expect(result.outputs.waived).toBe('[]')
    expect(commands(result, 'notice').map((command) => command.message)).toContainEqual(
      expect.stringMatching(/^Waiver for check License matches nothing in this result that fails: it can be removed/)
    )
    // Nothing waived, so nothing is about to come back: no warning of its end.
    expect(commands(result, 'warning')).toEqual([])
    expect(comment()).not.toContain('waived')
  })
})

describe('on a pull request', () => {
  test('the waivers it adds or changes are listed right under the verdict, the base file read at the base commit', async () => {
    scanned()
    const kept = { check: 'Fuzzing', reason: 'later', expires: later }
    waivers(
      [kept, { rule: MD5, path: 'src/**', reason: 'we accept MD5 here', expires: later, approvedBy: '@acme/security' }],
      [kept]
    )
    const result = await run()

    const body = comment()
    const verdict = body.indexOf('Score **6**')
    const added = body.indexOf('> [!IMPORTANT]')
    expect(added).toBeGreaterThan(verdict)
    expect(body).toContain(
      `> This pull request adds or changes 1 waiver in .github/ssd-waivers.yml; a reviewer should agree to each:\n> - ${MD5} in src/\\*\\*: we accept MD5 here; until ${later}; approved by @\u200bacme/security (entry 2, line 5)`
    )
    const reads = servers.github.requests.filter((request) => request.path.includes('/contents/'))
    expect(reads.map((request) => request.query.ref)).toEqual([PR_HEAD_SHA, PR_BASE_SHA])
    expect(result.code).toBe(0)
  })
})

describe('a bad waivers file fails before any SSD request', () => {
  for (const bad of BAD_WAIVERS) {
    test(bad.name, async () => {
      servers.github.putFile(PR_HEAD_SHA, WAIVERS_PATH, bad.text)
      const result = await run()

      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('Error')
      expect(servers.ssd.allRequests).toHaveLength(0)
      const message = errorOf(result)
      for (const pattern of bad.says) expect(message.split('\n')).toContainEqual(expect.stringMatching(pattern))
      expect(result.summary).toContain('OpsMx SSD gate: no result')
    })
  }

  test('a file over 256 KiB: named with its size, the rest unread', async () => {
    const size = 16 * 1024 * 1024
    servers.github.putFile(PR_HEAD_SHA, WAIVERS_PATH, `# ${'x'.repeat(size - 15)}\nwaivers: []\n`)
    const result = await run()
    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toContain(`${WAIVERS_PATH} at commit`)
    expect(errorOf(result)).toContain('is 16,777,216 bytes (16384.0 KiB), over the limit of 256 KiB')
    expect(servers.ssd.allRequests).toHaveLength(0)
    // The step hung up after the headers: what got out is socket buffers' worth, not the file.
    const read = servers.github.requests.find((request) => request.path.includes('/contents/'))
    expect(read?.bytesSent).toBeLessThan(size / 4)
  })
})

describe('a file that cannot be read', () => {
  test('404: no waivers, silently', async () => {
    scanned()
    const result = await run()
    expect(result.code).toBe(1)
    expect(commands(result, 'warning')).toEqual([])
    expect(result.stdout).toContain(`No waivers file ${WAIVERS_PATH}`)
  })

  test('403: a warning naming the permission, and every finding counts (never fail open)', async () => {
    scanned()
    waivers([{ rule: MD5, reason: 'x', expires: later }])
    servers.github.faults.push({
      method: 'GET',
      path: /\/contents\//,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const result = await run()

    expect(result.code).toBe(1)
    expect(errorOf(result)).toBe('2 findings at or above high (failOnSeverity).')
    const [warning] = commands(result, 'warning')
    expect(warning?.message).toMatch(/waivers file .*HTTP 403.*No waivers apply: every finding counts.*contents: read/)
  })

  test("waivers: '' reads nothing", async () => {
    scanned()
    waivers([{ rule: MD5, reason: 'x', expires: later }])
    const result = await run({ waivers: '' })
    expect(servers.github.requests.filter((request) => request.path.includes('/contents/'))).toEqual([])
    expect(result.code).toBe(1)
  })

  test('on push, the file at the pushed commit; no base read', async () => {
    servers.ssd.targetOf('main').result = [semgrep([[MD5, 'src/a.js', 1]])]
    servers.github.putFile(PUSH_SHA, WAIVERS_PATH, waiversFile([{ rule: MD5, reason: 'x', expires: later }]))
    const result = await run({}, { event: pushEvent })
    expect(result.code).toBe(0)
    expect(servers.github.requests.map((request) => request.query.ref)).toEqual([PUSH_SHA])
  })
})
