/**
 * Reading the waivers file through GitHub's contents API: readWaivers against the GitHub
 * stand-in, a real HTTP server on loopback (in this process; nothing is spawned).
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { GateError, WaiversFileError } from '../src/errors.ts'
import { NO_WAIVERS } from '../src/waiver-outcome.ts'
import { MAX_WAIVERS_FILE_BYTES, readWaivers, type WaiversSource } from '../src/waivers-file.ts'
import { startGitHubStandIn, type GitHubStandIn } from '../test-support/github-stand-in.ts'
import { EXAMPLE_WAIVERS, failsBelowFive, resultScan, WAIVERS_PATH, waiversFile } from '../test-support/waivers.ts'

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const BASE = '0badc0de0badc0de0badc0de0badc0de0badc0d'
const GITHUB_TOKEN = 'ghs_waiversReadToken0123456789'
const CONTENTS = /^\/repos\/octo-org\/octo-repo\/contents\//

let github: GitHubStandIn
let lines: { info: string[]; warning: string[] }

beforeEach(async () => {
  github = await startGitHubStandIn()
  lines = { info: [], warning: [] }
})
afterEach(async () => {
  // Nothing the read logs carries the token.
  expect(JSON.stringify(lines)).not.toContain(GITHUB_TOKEN)
  await github.close()
})

function source(more: Partial<WaiversSource> = {}): WaiversSource {
  return {
    path: WAIVERS_PATH,
    githubToken: GITHUB_TOKEN,
    apiUrl: github.apiUrl,
    owner: 'octo-org',
    repo: 'octo-repo',
    ref: HEAD,
    signal: new AbortController().signal,
    log: { info: (line) => lines.info.push(line), warning: (line) => lines.warning.push(line) },
    limits: { requestMs: 2000, totalMs: 5000, retryDelaysMs: [20, 40] },
    ...more
  }
}

/** What readWaivers throws; fails the test when it does not. */
async function refusal(from: WaiversSource): Promise<Error> {
  try {
    await readWaivers(from)
  } catch (error) {
    return error as Error
  }
  throw new Error('expected readWaivers to throw')
}

const contentsRequests = () => github.requests.filter((request) => CONTENTS.test(request.path))

describe('readWaivers', () => {
  test('reads the raw file at the commit under review, asking as GitHub documents', async () => {
    github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
    const waivers = await readWaivers(source())
    expect(waivers.file).toBe(WAIVERS_PATH)
    expect(waivers.entries.map((w) => w.rule ?? w.check)).toEqual([
      'javascript.lang.security.audit.md5-used',
      'Fuzzing'
    ])
    expect(waivers.addedByPullRequest).toEqual([])
    const [request] = github.requests
    expect(github.requests).toHaveLength(1)
    expect(request).toMatchObject({
      method: 'GET',
      path: '/repos/octo-org/octo-repo/contents/.github/ssd-waivers.yml',
      query: { ref: HEAD },
      authorization: `Bearer ${GITHUB_TOKEN}`
    })
    expect(request?.headers).toMatchObject({
      accept: 'application/vnd.github.raw+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'opsmx-ssd-gate-action'
    })
    expect(lines).toEqual({ info: [`Read 2 waivers from ${WAIVERS_PATH} at commit a1b2c3d.`], warning: [] })
  })

  test('applies what it read', async () => {
    github.putFile(HEAD, WAIVERS_PATH, waiversFile([{ check: 'Fuzzing', reason: 'later', expires: '2027-06-30' }]))
    const waivers = await readWaivers(source())
    const outcome = waivers.apply(
      [resultScan('openssf', 'Openssf', { checks: ['Fuzzing'] })],
      '2027-01-01',
      failsBelowFive
    )
    expect(outcome.waived.map((w) => w.kind)).toEqual(['check'])
  })

  test('reads the JSON form with base64 content, from a server that ignores the raw media type', async () => {
    github.contentsForm = 'json'
    github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
    expect((await readWaivers(source())).entries).toHaveLength(2)
    expect(github.requests).toHaveLength(1)
  })

  test.each(['application/vnd.github.raw+json; charset=utf-8', 'application/octet-stream'])(
    'reads a raw answer sent as %s',
    async (contentType) => {
      github.rawContentType = contentType
      github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
      expect((await readWaivers(source())).entries).toHaveLength(2)
    }
  )

  test("encodes the path's segments, under a GHES prefix", async () => {
    await github.close()
    github = await startGitHubStandIn({ prefix: '/api/v3' })
    const path = 'config/ssd waivers #1.yml'
    github.putFile(HEAD, path, EXAMPLE_WAIVERS)
    expect((await readWaivers(source({ path, apiUrl: `${github.apiUrl}/` }))).entries).toHaveLength(2)
    expect(github.requests[0]?.path).toBe('/api/v3/repos/octo-org/octo-repo/contents/config/ssd%20waivers%20%231.yml')
  })

  test('no file (404): no waivers, and no warning', async () => {
    const waivers = await readWaivers(source())
    expect(waivers).toMatchObject({ file: WAIVERS_PATH, entries: [], addedByPullRequest: [] })
    expect(waivers.apply([resultScan('o', 'O', { checks: ['Fuzzing'] })], '2027-01-01', failsBelowFive)).toEqual(
      NO_WAIVERS
    )
    expect(lines.warning).toEqual([])
    expect(github.requests).toHaveLength(1)
  })

  test('a 403: a warning that names the file and the commit, says no waivers apply, and names the permission', async () => {
    github.faults.push({
      method: 'GET',
      path: CONTENTS,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
    const waivers = await readWaivers(source())
    expect(waivers.entries).toEqual([])
    expect(lines.warning).toEqual([
      `Could not read the waivers file ${WAIVERS_PATH} at commit a1b2c3d: HTTP 403 (Resource not accessible by integration). ` +
        `No waivers apply: every finding counts. The token needs 'contents: read' (in the workflow: permissions: contents: read).`
    ])
    expect(github.requests).toHaveLength(1)
  })

  test("a 403 for GitHub's rate limit says so, not that a permission is missing", async () => {
    github.faults.push({
      method: 'GET',
      path: CONTENTS,
      status: 403,
      body: { message: 'API rate limit exceeded for installation' },
      headers: { 'x-ratelimit-remaining': '0' }
    })
    await readWaivers(source())
    expect(lines.warning[0]).toContain(
      `: GitHub's rate limit: HTTP 403 (API rate limit exceeded for installation). No waivers apply`
    )
    expect(lines.warning[0]).not.toContain('contents: read')
  })

  test('a 500 is tried again, after a short wait', async () => {
    github.faults.push({ method: 'GET', path: CONTENTS, status: 500, times: 1 })
    github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
    expect((await readWaivers(source())).entries).toHaveLength(2)
    const [first, second] = contentsRequests()
    expect(contentsRequests()).toHaveLength(2)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(15)
    expect(lines.warning).toEqual([])
  })

  test('a server that keeps failing: three tries, then a warning and no waivers', async () => {
    github.faults.push({ method: 'GET', path: CONTENTS, status: 502, body: { message: 'Bad gateway' } })
    expect((await readWaivers(source())).entries).toEqual([])
    expect(contentsRequests()).toHaveLength(3)
    expect(lines.warning[0]).toContain(': HTTP 502 (Bad gateway) (3 tries). No waivers apply: every finding counts.')
  })

  test('a refused connection is tried again, then warned about', async () => {
    const closed = await startGitHubStandIn()
    const apiUrl = closed.apiUrl
    await closed.close()
    expect((await readWaivers(source({ apiUrl }))).entries).toEqual([])
    expect(lines.warning[0]).toMatch(/: connection to 127\.0\.0\.1:\d+ refused \(3 tries\)\. No waivers apply/)
  })

  test('a server that never answers: each request and the whole read are bounded', async () => {
    github.faults.push({ method: 'GET', path: CONTENTS, status: 200, hang: true })
    const started = Date.now()
    const waivers = await readWaivers(source({ limits: { requestMs: 150, totalMs: 5000, retryDelaysMs: [10, 10] } }))
    expect(waivers.entries).toEqual([])
    expect(contentsRequests()).toHaveLength(3)
    expect(lines.warning[0]).toContain(': no answer within 0.1s (3 tries). No waivers apply')
    expect(Date.now() - started).toBeLessThan(2000)

    lines.warning = []
    const again = Date.now()
    await readWaivers(source({ limits: { requestMs: 10_000, totalMs: 300, retryDelaysMs: [10, 10] } }))
    expect(lines.warning[0]).toContain(': no answer within 0.3s. No waivers apply')
    expect(Date.now() - again).toBeLessThan(1500)
  })

  test('cancellation ends the read at once', async () => {
    github.faults.push({ method: 'GET', path: CONTENTS, status: 200, hang: true })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const error = await refusal(source({ signal: controller.signal, limits: { requestMs: 10_000, totalMs: 20_000 } }))
    expect(error).toBeInstanceOf(GateError)
    expect((error as GateError).status).toBe('Cancelled')
    expect(error.message).toBe('Cancelled while reading the waivers file.')
  })

  test('a redirect within the API is followed; one to another origin is not (the token would go with it)', async () => {
    github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
    github.faults.push({
      method: 'GET',
      path: /^\/repos\/old-org\/octo-repo\//,
      status: 301,
      headers: { location: `${github.apiUrl}/repos/octo-org/octo-repo/contents/${WAIVERS_PATH}?ref=${HEAD}` }
    })
    expect((await readWaivers(source({ owner: 'old-org' }))).entries).toHaveLength(2)

    const elsewhere = await startGitHubStandIn()
    try {
      elsewhere.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
      github.faults.push({
        method: 'GET',
        path: CONTENTS,
        status: 302,
        headers: { location: `${elsewhere.apiUrl}/repos/octo-org/octo-repo/contents/${WAIVERS_PATH}?ref=${HEAD}` }
      })
      expect((await readWaivers(source())).entries).toEqual([])
      expect(elsewhere.requests).toHaveLength(0)
      expect(lines.warning[0]).toContain(
        `GitHub redirected the request to another origin (${new URL(elsewhere.apiUrl).origin}); the token is only sent to ${new URL(github.apiUrl).origin}, so the redirect was not followed. No waivers apply`
      )
    } finally {
      await elsewhere.close()
    }
  })

  test('a directory: a warning, no waivers', async () => {
    github.putFile(HEAD, `${WAIVERS_PATH}/one.yml`, EXAMPLE_WAIVERS)
    expect((await readWaivers(source())).entries).toEqual([])
    expect(lines.warning[0]).toContain(`: ${WAIVERS_PATH} is a directory, not a file. No waivers apply`)
  })

  test('no githubToken: a warning, no waivers, no request', async () => {
    github.putFile(HEAD, WAIVERS_PATH, EXAMPLE_WAIVERS)
    expect((await readWaivers(source({ githubToken: '' }))).entries).toEqual([])
    expect(github.requests).toHaveLength(0)
    expect(lines.warning).toEqual([
      `The waivers file ${WAIVERS_PATH} was not read: 'githubToken' is empty. No waivers apply: every finding counts.`
    ])
  })

  test('a file that does not parse fails the read with every problem', async () => {
    github.putFile(HEAD, WAIVERS_PATH, 'waivers:\n  - rule: x\n')
    const error = await refusal(source())
    expect(error).toBeInstanceOf(WaiversFileError)
    expect(error.message.split('\n')).toEqual([
      `Waivers file ${WAIVERS_PATH}, entry 1 (line 2): 'reason' is required: say why the risk is accepted.`,
      `Waivers file ${WAIVERS_PATH}, entry 1 (line 2): 'expires' is required: the last day the waiver holds, as YYYY-MM-DD (UTC).`
    ])
  })

  test('a file that is not UTF-8 fails the read', async () => {
    github.putFile(HEAD, WAIVERS_PATH, Buffer.from([0x77, 0x61, 0xff, 0xfe, 0x0a]))
    expect((await refusal(source())).message).toBe(
      `Waivers file ${WAIVERS_PATH} at commit a1b2c3d is not UTF-8 text: it cannot be YAML.`
    )
  })
})

describe('the size limit', () => {
  /** A valid waivers file of exactly `bytes` bytes. */
  const fileOf = (bytes: number): string => {
    const start = 'waivers: []\n#'
    return `${start}${'x'.repeat(bytes - start.length - 1)}\n`
  }

  test('a file of exactly 256 KiB is read; one byte more is refused with its size', async () => {
    github.putFile(HEAD, WAIVERS_PATH, fileOf(MAX_WAIVERS_FILE_BYTES))
    expect((await readWaivers(source())).entries).toEqual([])
    github.putFile(HEAD, WAIVERS_PATH, fileOf(MAX_WAIVERS_FILE_BYTES + 1))
    const error = await refusal(source())
    expect(error).toBeInstanceOf(WaiversFileError)
    expect(error.message).toBe(
      `Waivers file ${WAIVERS_PATH} at commit a1b2c3d is 262,145 bytes (256.0 KiB), over the limit of 256 KiB: ` +
        `it was not read. A waivers file lists a few accepted risks; keep it under 256 KiB.`
    )
  })

  const HUGE = 32 * 1024 * 1024

  test('a large file with its length declared is refused without reading its body', async () => {
    github.putFile(HEAD, WAIVERS_PATH, Buffer.alloc(HUGE, 0x23))
    const error = await refusal(source())
    expect(error.message).toContain('is 33,554,432 bytes (32768.0 KiB), over the limit of 256 KiB')
    await until(() => contentsRequests()[0]?.bytesSent !== undefined)
    expect(contentsRequests()[0]!.bytesSent!).toBeLessThan(HUGE / 4)
  })

  test('a large file of no declared length: no more than the limit and a byte is read, then the answer is dropped', async () => {
    github.contentLength = false
    github.putFile(HEAD, WAIVERS_PATH, Buffer.alloc(HUGE, 0x23))
    const error = await refusal(source())
    expect(error.message).toContain(`${WAIVERS_PATH} at commit a1b2c3d is more than 256 KiB, over the limit of 256 KiB`)
    // What got out before the connection was dropped: socket buffers' worth, not the file.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(contentsRequests()[0]!.bytesSent!).toBeLessThan(HUGE / 4)
  })

  test('the JSON form names the size GitHub gives', async () => {
    github.contentsForm = 'json'
    github.putFile(HEAD, WAIVERS_PATH, fileOf(300_000))
    expect((await refusal(source())).message).toContain('is 300,000 bytes (293.0 KiB), over the limit')
  })
})

describe('on a pull request', () => {
  const kept = { rule: 'kept.rule', reason: 'known', expires: '2027-01-01' }
  const changed = { check: 'Fuzzing', reason: 'later', expires: '2027-02-01' }
  const added = { rule: 'new.rule', path: 'src/**', reason: 'new', expires: '2027-03-01' }

  test('lists the waivers the head adds or changes, against the base commit', async () => {
    github.putFile(BASE, WAIVERS_PATH, waiversFile([changed, kept]))
    github.putFile(HEAD, WAIVERS_PATH, waiversFile([kept, { ...changed, expires: '2027-12-31' }, added]))
    const waivers = await readWaivers(source({ baseRef: BASE }))
    expect(waivers.entries).toHaveLength(3)
    expect(waivers.addedByPullRequest.map((w) => [w.entry, w.rule ?? w.check, w.expires])).toEqual([
      [2, 'Fuzzing', '2027-12-31'],
      [3, 'new.rule', '2027-03-01']
    ])
    expect(contentsRequests().map((request) => request.query.ref)).toEqual([HEAD, BASE])
    expect(lines.info).toContain('This pull request adds or changes 2 waivers.')
  })

  test('a file new in the pull request: every waiver is added', async () => {
    github.putFile(HEAD, WAIVERS_PATH, waiversFile([kept, added]))
    expect((await readWaivers(source({ baseRef: BASE }))).addedByPullRequest).toHaveLength(2)
  })

  test('a base file that does not parse, or cannot be read: every waiver is added, said in an info line', async () => {
    github.putFile(HEAD, WAIVERS_PATH, waiversFile([kept]))
    github.putFile(BASE, WAIVERS_PATH, 'waivers: [\n')
    expect((await readWaivers(source({ baseRef: BASE }))).addedByPullRequest).toHaveLength(1)
    expect(lines.info).toContain(
      `The waivers file ${WAIVERS_PATH} is not a valid waivers file at the base commit 0badc0d: every waiver in it is taken as added by this pull request.`
    )

    lines.info = []
    github.putFile(BASE, WAIVERS_PATH, waiversFile([kept]))
    // The base's read is refused, the head's is not.
    github.onRequest = (request) => {
      if (request.query.ref === BASE) {
        github.faults.push({ method: 'GET', path: CONTENTS, status: 403, times: 1, body: { message: 'no' } })
      }
    }
    expect((await readWaivers(source({ baseRef: BASE }))).addedByPullRequest).toHaveLength(1)
    expect(lines.info.some((line) => line.includes('could not be read (HTTP 403'))).toBe(true)
    expect(lines.warning).toEqual([])
  })

  test('no base file is read when the head has no waivers, or is the base', async () => {
    github.putFile(HEAD, WAIVERS_PATH, 'waivers: []\n')
    await readWaivers(source({ baseRef: BASE }))
    github.putFile(HEAD, WAIVERS_PATH, waiversFile([kept]))
    expect((await readWaivers(source({ baseRef: HEAD }))).addedByPullRequest).toEqual([])
    expect(contentsRequests().map((request) => request.query.ref)).toEqual([HEAD, HEAD])
  })
})

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
