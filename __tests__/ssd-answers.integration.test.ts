/**
 * SSD as OpsMx's own code shows it answers (issue 18), through the shipped bundle against
 * the simulator: every status of SSD's RiskStatus enum, summarydata's scannedFiledData with
 * each tool's state, filedata by POST on an SSD that refuses GET, and the token's raw form.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { errorOf, everydayTargets, expectTokenNowhere, runGate, TOKEN, useServers } from '../test-support/harness.ts'
import { PR_HEAD_SHA, type RunOptions, type RunResult } from '../test-support/runner.ts'
import { exampleScan, startSsdSimulator, type ScanTargetModel } from '../test-support/ssd-simulator.ts'

const servers = useServers()
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, inputs, options)

/** A commit of the PR's branch older than its head: what SSD scanned last. */
const OLD_SHA = '0ddd123456789abcdef0123456789abcdef01234'

const feature = (): ScanTargetModel => servers.ssd.targetOf('feature')
const openssf = (status = 'Completed', score = 7.5) => exampleScan({ status, metadata: { version: 'v5.3.0', score } })
const semgrep = (status = 'Completed') => ({
  scanName: 'semgrep',
  scanTool: 'Semgrep',
  status,
  error: '',
  metadata: { version: '1.90.0' },
  data: [
    { severity: 'WARNING', rule_name: 'js.weak-hash', rule_message: 'md5 is weak', metadata: { file_path: 'a.js' } }
  ]
})

/** The log's lines of one kind: `::warning::`, `::notice::`, or plain lines containing `text`. */
const lines = (result: RunResult, text: string): string[] =>
  result.stdout.split('\n').filter((line) => line.includes(text))

describe("SSD's statuses", () => {
  test('a highrisk summary and answer gate at once, on the score, with the rating in the report', async () => {
    Object.assign(feature(), { status: 'highrisk', result: [openssf('highrisk')] })

    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'highrisk', passed: 'true', score: '7.5' })
    // No waiting: one summary, one read of the results.
    expect(servers.ssd.summaryReads('feature')).toHaveLength(1)
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(1)
    expect(result.stdout).not.toMatch(/Waiting for the SSD scan|SSD is scanning/)
    expect(result.outputs.report).toMatch(/meets the threshold \*\*5\*\*.* SSD rates this scan high risk\./)
    expect(result.summary).toContain('SSD rates this scan high risk.')
  })

  test('a scan of the commit that goes pending, scanning, then highrisk: the wait ends on the verdict', async () => {
    Object.assign(feature(), { headCommit: OLD_SHA, branchHead: OLD_SHA, verdict: 'highrisk', scanningLooks: 2 })
    servers.ssd.push(feature(), PR_HEAD_SHA, { result: [openssf('highrisk')] })

    const result = await run()

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'highrisk', passed: 'true' })
    // pending, scanning, scanning, then the verdict: four summaries, and one read of the results.
    expect(servers.ssd.summaryReads('feature')).toHaveLength(4)
    expect(servers.ssd.resultReads('0x29ab8')).toHaveLength(1)
    expect(lines(result, 'SSD is scanning a1b2c3d')).toHaveLength(3)
    expect(result.outputs.report).toContain('SSD rates this scan high risk.')
  })

  test('a rated scan with a failing score fails on the score, not as a timeout', async () => {
    Object.assign(feature(), { status: 'ApocalypseRisk', result: [openssf('completed', 2.4)] })

    const result = await run()

    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'completed', passed: 'false', score: '2.4' })
    expect(errorOf(result)).toMatch(/SSD score 2\.4 is below the threshold 5/)
    expect(result.outputs.report).toContain('SSD rates this scan apocalypse risk.')
  })

  test('a paused scan of the commit waits with its own line and times out with the paused message', async () => {
    feature().status = 'paused'

    const result = await run({ timeout: '1.5' })

    expect(result.outputs.status).toBe('TimedOut')
    expect(result.stdout).toMatch(
      /SSD paused its scan of a1b2c3d on octo-repo@feature \(scan 0x29ab8\) \(paused\); waiting for it to be resumed in SSD \(/
    )
    expect(errorOf(result)).toMatch(
      /to complete: it was paused\. SSD paused the scan: resume it in SSD, or set 'rescan: true' to ask SSD to scan again\./
    )
    expect(errorOf(result)).not.toMatch(/webhook/)
    expect(servers.ssd.requests).toHaveLength(0)
    expect(servers.ssd.rescanRequests).toHaveLength(0)
  })

  test('rescan: true asks SSD to scan a paused scan again, and gates on that scan', async () => {
    Object.assign(feature(), { status: 'paused', result: [openssf()] })

    const result = await run({ rescan: 'true' })

    expect(servers.ssd.rescanRequests).toHaveLength(1)
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'Completed', passed: 'true' })
  })

  test('a status the action does not know: waited on, said once in the run, named in the timeout message', async () => {
    feature().status = 'queued'

    const result = await run({ timeout: '1.5' })

    expect(result.outputs.status).toBe('TimedOut')
    expect(
      lines(result, "SSD status 'queued' is not one the action knows; waiting as for a running scan")
    ).toHaveLength(1)
    expect(lines(result, 'SSD is scanning a1b2c3d').length).toBeGreaterThan(2)
    expect(errorOf(result)).toMatch(
      /SSD gave status 'queued', which the action does not know; it waited as for a running scan\./
    )
  })
})

describe("summarydata's scannedFiledData", () => {
  test("the wait line names each tool's state from the grouped object as SSD scans", async () => {
    Object.assign(feature(), { headCommit: OLD_SHA, branchHead: OLD_SHA })
    servers.ssd.push(feature(), PR_HEAD_SHA, { result: [openssf(), semgrep()] })

    const result = await run()

    expect(result.code).toBe(0)
    // Pending: every tool says what the summary says, so the line does not repeat it.
    expect(result.stdout).toMatch(/SSD is scanning a1b2c3d on octo-repo@feature \(scan 0x29ab8\) \(pending\); waiting/)
    expect(result.stdout).toMatch(
      /SSD is scanning a1b2c3d on octo-repo@feature \(scan 0x29ab8\) \(scanning: openssf completed, semgrep scanning\); waiting/
    )
  })

  test('a flat list of tools names them too, on the line about another commit', async () => {
    Object.assign(feature(), {
      headCommit: OLD_SHA,
      status: 'scanning',
      scanningLooks: 1000,
      scannedFiledData: [
        { scanName: 'openssf', scanTool: 'openssf', resultFile: 'o.json', status: 'completed', error: '' },
        { scanName: 'trivy', scanTool: 'trivy', resultFile: 't.json', status: 'scanning', error: '' }
      ]
    })

    const result = await run({ timeout: '1' })

    expect(result.outputs.status).toBe('TimedOut')
    expect(result.stdout).toContain(
      "SSD's latest scan of octo-repo@feature (scan 0x29ab8) is of 0ddd123 (scanning: openssf completed, trivy scanning); waiting for a1b2c3d"
    )
  })

  test("a tool that failed while the scan goes on is warned about once, with SSD's error", async () => {
    Object.assign(feature(), {
      headCommit: OLD_SHA,
      branchHead: OLD_SHA,
      scanningLooks: 4,
      failingTool: { key: 'semgrep', error: 'semgrep: rules could not be fetched' }
    })
    servers.ssd.push(feature(), PR_HEAD_SHA, { result: [openssf(), semgrep()] })

    const result = await run()

    const warnings = lines(result, '::warning::').filter((line) => line.includes('semgrep'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^::warning::SSD's semgrep scan of a1b2c3d on octo-repo@feature \(scan 0x29ab8\) failed \(status fail\): "semgrep: rules could not be fetched"\. SSD still says scanning/
    )
    // It was seen at more than one poll, and said at the first only.
    expect(lines(result, 'semgrep fail').length).toBeGreaterThan(1)
    // SSD's verdict on the whole scan decides: here it completed, and the gate gated.
    expect(result.outputs).toMatchObject({ status: 'Completed', passed: 'true' })
  })
})

describe('filedata by POST', () => {
  const bodyOf = (tool: string, branch: string, commit: string) => ({
    [tool]: {
      scanName: tool,
      scanTool: tool,
      resultFile: `octo-repo/${branch}/${commit.slice(0, 7)}/${tool}.json`,
      status: 'completed'
    }
  })

  test('a POST-only SSD is read by POST, head and base, after one 405, one request per category', async () => {
    servers.ssd.filedataPostOnly = true
    // semgrep first in the answer; SSD's summary files OpenSSF before SAST, and so do the POSTs.
    feature().result = [semgrep(), openssf()]
    servers.ssd.targetOf('main').result = [openssf('Completed', 8)]

    const result = await run()

    expect(result.code).toBe(0)
    const requests = servers.ssd.requests
    expect(requests.map((r) => `${r.method} ${r.query.scanId}`)).toEqual([
      'GET 0x29ab8',
      'POST 0x29ab8',
      'POST 0x29ab8',
      'POST 0x29ab9'
    ])
    const [get, ...posts] = requests
    expect(posts.map((r) => r.body)).toEqual([
      bodyOf('openssf', 'feature', PR_HEAD_SHA),
      bodyOf('semgrep', 'feature', PR_HEAD_SHA),
      bodyOf('openssf', 'main', 'b0a710adb0a710adb0a710adb0a710adb0a710ad')
    ])
    // The same query string and token; a JSON body.
    expect(posts[0]?.query).toEqual(get?.query)
    for (const post of posts) {
      expect(post.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
      expect(post.headers['content-type']).toBe('application/json')
    }
    expect(lines(result, '::notice::').filter((line) => line.includes('by POST'))).toEqual([
      "::notice::SSD answered GET on scan/filedata with HTTP 405 (Method Not Allowed); the action reads it by POST for the rest of this run. Set 'filedataMethod: POST' to skip the GET."
    ])
    // The answers joined in the order of the groups, in the result file too.
    const saved = JSON.parse(readFileSync(result.outputs.resultFile ?? '', 'utf8')) as Array<{ scanName: string }>
    expect(saved.map((scan) => scan.scanName)).toEqual(['openssf', 'semgrep'])
    expect(result.outputs).toMatchObject({ status: 'Completed', score: '7.5', baseScore: '8' })
    expectTokenNowhere(result, servers)
  })

  test('a POST that meets a server fault after the 405 is retried by POST, not by GET again', async () => {
    servers.ssd.filedataPostOnly = true
    // Index 0 is the GET the simulator refused.
    servers.ssd.respond = (_request, index) =>
      index === 1 ? { status: 503, json: { error: 'busy' } } : { json: [openssf()] }

    const result = await run({ compareWithBase: 'false' })

    expect(result.outputs).toMatchObject({ status: 'Completed', passed: 'true' })
    expect(servers.ssd.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST'])
    expect(lines(result, '::notice::SSD answered GET')).toHaveLength(1)
    expect(result.stdout).toMatch(/SSD request failed \(HTTP 503 \(busy\)\); retry 1/)
  })

  test('filedataMethod: POST asks by POST from the start', async () => {
    servers.ssd.filedataPostOnly = true
    const result = await run({ filedataMethod: 'POST', compareWithBase: 'false' })

    expect(result.outputs.status).toBe('Completed')
    expect(servers.ssd.requests.map((r) => r.method)).toEqual(['POST'])
    expect(result.stdout).not.toContain('::notice::SSD answered GET')
  })

  test('filedataMethod: GET does not fall back: the 405 ends the run, naming the way out', async () => {
    servers.ssd.filedataPostOnly = true
    const result = await run({ filedataMethod: 'GET' })

    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toBe(
      "SSD answered HTTP 405 (Method Not Allowed). This SSD may serve filedata by POST only: set 'filedataMethod' to auto or POST."
    )
    expect(servers.ssd.requests.map((r) => r.method)).toEqual(['GET'])
  })

  test('without a summary to name the files, POST {} once', async () => {
    servers.ssd.filedataPostOnly = true
    servers.ssd.respondSummary = () => ({ status: 404, json: { error: 'Resource not found.' } })

    const result = await run({ scanId: '0x29ab8' })

    expect(result.outputs).toMatchObject({ status: 'Completed', scanId: '0x29ab8' })
    expect(servers.ssd.requests.map((r) => [r.method, r.body])).toEqual([
      ['GET', undefined],
      ['POST', {}]
    ])
  })

  test("GET's 405 and a POST that fails too: status Error, naming both tries", async () => {
    servers.ssd.filedataPostOnly = true
    servers.ssd.respond = () => ({ status: 400, json: { error: 'Invalid input data.' } })

    const result = await run()

    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toMatch(
      /^SSD's filedata could not be read either way\. GET: SSD answered HTTP 405 \(Method Not Allowed\)\. POST, tried next: SSD answered HTTP 400 \(Invalid input data\.\)\. Check the 'projectId', 'scanId' and 'scanType' inputs\.$/
    )
    expect(servers.ssd.requests.map((r) => r.method)).toEqual(['GET', 'POST'])
  })
})

describe("the token's form", () => {
  /** An SSD install that reads the token raw, as OpsMx's scripts send it. */
  async function rawTokenSsd(): Promise<void> {
    await servers.ssd.close()
    servers.ssd = await startSsdSimulator({ token: TOKEN, tokenFormat: 'raw', targets: everydayTargets() })
  }

  test('tokenFormat: raw sends X-OpsMx-Auth: <token>, to every endpoint', async () => {
    await rawTokenSsd()

    const result = await run({ tokenFormat: 'raw' })

    expect(result.outputs).toMatchObject({ status: 'Completed', scanId: '0x29ab8' })
    expect(servers.ssd.allRequests.length).toBeGreaterThan(2)
    for (const request of servers.ssd.allRequests) expect(request.headers['x-opsmx-auth']).toBe(TOKEN)
    expectTokenNowhere(result, servers)
  })

  test('tokenFormat: raw removes a leading Bearer the secret holds', async () => {
    await rawTokenSsd()

    const result = await run({ tokenFormat: 'raw', token: `Bearer ${TOKEN}` })

    expect(result.outputs.status).toBe('Completed')
    expect(servers.ssd.summaryRequests[0]?.headers['x-opsmx-auth']).toBe(TOKEN)
  })

  test('in bearer form, a rejected token says some installs take it raw, and the token stays hidden', async () => {
    await rawTokenSsd()

    const result = await run()

    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toMatch(
      /^SSD rejected the token: HTTP 401 \(Authentication required\.\)\. Check that the 'token' input .* some SSD installs take the raw token: if yours is one, set 'tokenFormat: raw'\.$/
    )
    expect(servers.ssd.allRequests).toHaveLength(1)
    expectTokenNowhere(result, servers)
  })

  test('in raw form, a token the SSD rejects says to try the bearer form', async () => {
    const result = await run({ tokenFormat: 'raw' })

    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toMatch(
      /^SSD rejected the token: HTTP 401 .* It was sent raw \('X-OpsMx-Auth: <token>', tokenFormat: raw\); if your SSD takes 'Bearer <token>', set 'tokenFormat: bearer'\.$/
    )
    expect(servers.ssd.allRequests).toHaveLength(1)
    expectTokenNowhere(result, servers)
  })

  test('a 403 in bearer form gives the same hint', async () => {
    servers.ssd.respondSummary = () => ({ status: 403, json: { error: 'Forbidden' } })

    const result = await run()

    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result)).toMatch(/^SSD rejected the token: HTTP 403 .*set 'tokenFormat: raw'\.$/)
  })

  test('bad filedataMethod and tokenFormat fail before any request, naming each', async () => {
    const result = await run({ filedataMethod: 'PATCH', tokenFormat: 'jwt' })

    expect(result.outputs.status).toBe('Error')
    expect(errorOf(result).split('\n')).toEqual([
      "Input 'filedataMethod' must be one of auto, GET, POST, got 'PATCH'.",
      "Input 'tokenFormat' must be one of bearer, raw, got 'jwt'."
    ])
    expect(servers.ssd.allRequests).toHaveLength(0)
  })
})
