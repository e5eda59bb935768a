/**
 * Answers that once broke the shipped bundle, one test each: field names of Object's own
 * members, text cut inside a character, a comment past GitHub's size limit, two steps
 * sharing one result file, SSD's error objects, empty and BOM-prefixed bodies, an IPv6 host.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { errorOf, runGate, useServers, expectCommentIsReport } from '../test-support/harness.ts'
import { makeTempDir, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

/** The one comment the run wrote on PR 7. */
const commentBody = (): string => servers.github.comments.get(7)?.[0]?.body ?? ''

const passing = { version: 'v5.3.0', score: 7.2 }

describe('field names that are members of every JavaScript object', () => {
  test('constructor, toString, hasOwnProperty and __proto__ in a tool item are plain fields', async () => {
    // Written as text: an object literal cannot hold an own `__proto__` key for JSON.stringify.
    const items =
      '{"constructor":"c1","toString":"t1","hasOwnProperty":"h1","valueOf":"v1"},' +
      '{"__proto__":"p2","other":"o2"},' +
      '{"severity":"high","constructor":"x","rule_name":"r.1","toString":"m"}'
    const raw = JSON.stringify([exampleScan({ metadata: passing })]).replace('"data":[', `"data":[${items},`)
    servers.ssd.respond = () => ({ raw, headers: { 'content-type': 'application/json' } })

    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('Completed')
    expect(result.outputs.passed).toBe('true')
    const body = commentBody()
    expect(body).toContain('| constructor | toString | hasOwnProperty | valueOf |')
    expect(body).toContain('| c1 | t1 | h1 | v1 |')
    // The second item has none of those fields: empty cells, not Object's members.
    expect(body).toContain('|  |  |  |  |')
    expect(body).not.toContain('function')
    expect(body).toMatch(/\| 🟧 high \| r\.1 \|/)
  })
})

describe('long text with characters beyond the 16-bit range', () => {
  test('an emoji at the cut stays whole: no broken character anywhere, and report is the comment', async () => {
    // A reason is cut to 299 UTF-16 units and `…`: 298 letters, then the emoji's two halves.
    const reason = `${'a'.repeat(298)}😀 and more`
    const data = [{ name: 'Long-Reason', score: 9, reason }]
    servers.ssd.respond = () => ({ json: [exampleScan({ metadata: passing, data })] })

    const result = await run()

    expect(result.code).toBe(0)
    const body = commentBody()
    expect(body).toContain(`| ${'a'.repeat(298)}… |`)
    expect(body.isWellFormed()).toBe(true)
    expectCommentIsReport(body, result.outputs.report)
    expect(result.summary).not.toContain('\ufffd')
  })
})

describe("the comment stays within GitHub's 65,536 characters", () => {
  /** The comment was accepted, fits, and is the `report` output. */
  function expectCommentWithinLimit(result: RunResult): string {
    const body = commentBody()
    expect(body).not.toBe('')
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(65_536)
    expectCommentIsReport(body, result.outputs.report)
    expect(result.stdout).not.toContain('Body is too long')
    return body
  }

  test('*=10 over 2,000 checks: the headline names a few broken rules and counts the rest', async () => {
    const data = Array.from({ length: 2_000 }, (_, i) => ({
      name: `Some-Rather-Long-Check-Name-${i}`,
      score: i % 10,
      reason: 'below ten'
    }))
    servers.ssd.respond = () => ({ json: [exampleScan({ metadata: passing, data })] })

    const result = await run({ checkThresholds: '*=10' })

    expect(result.code).toBe(1)
    const body = expectCommentWithinLimit(result)
    expect(body).toContain('- ❌ Some-Rather-Long-Check-Name-0 scored 0, below its minimum (\\*=10)')
    expect(body).toContain('- ❌ 1,990 more checks broke their checkThresholds rule (see the tables)')
    expect(JSON.parse(result.outputs.failedCheckRules ?? '[]')).toHaveLength(2_000)
  })

  test('many tools whose field names escape to longer text: every table head is paid for', async () => {
    // `&` escapes to `&amp;`: each 40-character column name becomes 200 characters.
    const field = (letter: string): string => `${letter}${'&'.repeat(39)}`
    const item = { [field('a')]: 'x', [field('b')]: 'y', [field('c')]: 'z', [field('d')]: 'w' }
    // Enough scans that their tables fill the comment, with rows enough to use up what is left.
    const scans = Array.from({ length: 70 }, (_, i) => ({
      scanName: `tool-${i}`,
      scanTool: `Tool ${i}`,
      status: 'Completed',
      error: '',
      metadata: i === 0 ? passing : {},
      data: Array.from({ length: 20 }, () => item)
    }))
    servers.ssd.respond = () => ({ json: scans })

    const result = await run()

    expect(result.code).toBe(0)
    const body = expectCommentWithinLimit(result)
    expect(body).toContain(`| a${'&amp;'.repeat(39)} | b`)
    expect(body).toMatch(/[\d,]+ more results? (and [\d,]+ more scans? )?(is|are) not shown here/)
  })
})

test("two gate steps in one job keep their own result files: the first step's output still points at its answer", async () => {
  const runnerTemp = makeTempDir('ssd-gate-shared-temp-')
  const step = (id: string, score: number): Promise<RunResult> => {
    servers.ssd.respond = () => ({ json: [exampleScan({ metadata: { version: 'v5.3.0', score } })] })
    return run({ commentHeader: id }, { env: { RUNNER_TEMP: runnerTemp, GITHUB_ACTION: id } })
  }

  const source = await step('source-scan', 7.2)
  const release = await step('release-policy', 8.5)

  expect(source.outputs.resultFile).not.toBe(release.outputs.resultFile)
  const answerOf = (result: RunResult): unknown => JSON.parse(readFileSync(result.outputs.resultFile ?? '', 'utf8'))
  expect(answerOf(source)).toMatchObject([{ metadata: { score: 7.2 } }])
  expect(answerOf(release)).toMatchObject([{ metadata: { score: 8.5 } }])
})

describe('answers with nothing, or an error, where the scan list should be', () => {
  test("200 with SSD's error object: fails at once with SSD's own words and the content type", async () => {
    servers.ssd.respond = () => ({ json: { error: 'Resource not found.' } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /SSD answered HTTP 200 with application\/json holding an error instead of the scan list: "Resource not found\."/
    )
    expect(servers.ssd.requests).toHaveLength(1)
    expect(result.outputs.status).toBe('Error')
  })

  test.each([
    ['204 No Content', { status: 204 }],
    ['200 with an empty body', { raw: '', headers: { 'content-type': 'application/json' } }]
  ])('%s: keeps asking, and says so when time runs out, without blaming host', async (_name, reply) => {
    servers.ssd.respond = () => reply
    const result = await run({ timeout: '1.5' })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('TimedOut')
    const status = 'status' in reply ? reply.status : 200
    expect(errorOf(result)).toContain(
      `Last problem: HTTP ${status} with no content where the scan list was expected; SSD may not have results for this scan yet.`
    )
    expect(errorOf(result)).not.toMatch(/'host'/)
    expect(servers.ssd.requests.length).toBeGreaterThan(1)
  })

  test('JSON after a byte-order mark is read as JSON', async () => {
    const json = JSON.stringify([exampleScan({ metadata: passing })])
    servers.ssd.respond = () => ({
      raw: `\ufeff${json}`,
      headers: { 'content-type': 'application/json; charset=utf-8' }
    })
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.outputs.score).toBe('7.2')
    // The result file holds the JSON alone, readable by JSON.parse in a later step.
    expect(JSON.parse(readFileSync(result.outputs.resultFile ?? '', 'utf8'))).toHaveLength(1)
  })
})

describe('the log', () => {
  test('an IPv6 host is logged as written: :: is broken up only where the runner reads a command', async () => {
    const result = await run({ host: `http://[::1]:${servers.ssd.port}`, timeout: '1' })
    expect(result.stdout).toContain(`at http://[::1]:${servers.ssd.port} (every`)
    expect(result.stdout).not.toContain('[: :1]')
    // Refused, or unreachable where the machine has no IPv6: either way the address is whole.
    expect(errorOf(result)).toContain('::1')
    expect(errorOf(result)).not.toContain(': :1')
  })

  test("the runner's legacy ##[command] form, read anywhere in a line, is broken up in logged scan data", async () => {
    let polls = 0
    servers.ssd.respond = () =>
      polls++ === 0
        ? {
            json: [
              exampleScan({
                scanName: 'x ##[stop-commands]halt',
                scanTool: 'x ##[stop-commands]halt',
                status: 'scanning',
                data: []
              })
            ]
          }
        : { json: [exampleScan({ metadata: passing })] }
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('x ## [stop-commands]halt: scanning')
    expect(result.stdout).not.toContain('##[')
  })
})
