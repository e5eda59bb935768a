/**
 * Fault injection through the shipped bundle: every SSD fault, a real proxy, TLS with a
 * certificate made here, hostile scan data (GitHub's faults have a file of their own).
 * Each test checks the exit code, the message, the requests (and their timing where
 * timing is the point), and that the SSD token appears nowhere.
 */
import { describe, expect, test } from '@jest/globals'
import { createServer } from 'node:net'
import { makeExpiredCertificate, makeSelfSignedCertificate } from '../test-support/certificate.ts'
import {
  errorOf,
  everydayTargets,
  expectTokenNowhere as expectTokenNowhereIn,
  runGate,
  TOKEN,
  useServers,
  expectCommentIsReport
} from '../test-support/harness.ts'
import { startProxy } from '../test-support/proxy.ts'
import type { RunOptions, RunResult } from '../test-support/runner.ts'
import { exampleScan, runningScan, sequence, startSsdSimulator, type SimReply } from '../test-support/ssd-simulator.ts'

const servers = useServers()
// These faults are the gate's own; the base branch's read (its own suite) would only add requests to count.
const run = (inputs: RunOptions['inputs'] = {}, options: Partial<RunOptions> = {}): Promise<RunResult> =>
  runGate(servers, { compareWithBase: 'false', ...inputs }, options)

function expectTokenNowhere(result: RunResult): void {
  expectTokenNowhereIn(result, servers)
}

const done = (): SimReply => ({ json: [exampleScan({ metadata: { version: 'v5.3.0', score: 8 } })] })

describe('SSD answers that end the run at once', () => {
  test.each([401, 403])('%i: authentication failed, check the token', async (status) => {
    servers.ssd.respond = () => ({ status, json: { error: `Authentication required. (got Bearer ${TOKEN})` } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(new RegExp(`SSD rejected the token: HTTP ${status}.*Check that the 'token' input`))
    expect(servers.ssd.requests).toHaveLength(1)
    expect(result.outputs.status).toBe('Error')
    expectTokenNowhere(result)
  })

  test('a token echoed with JSON escapes (\\u005f) in an error body is still removed', async () => {
    const escaped = TOKEN.replace(/_/g, '\\u005f')
    servers.ssd.respond = () => ({
      status: 400,
      raw: `{"error":"bad token ${escaped}"}`,
      headers: { 'content-type': 'application/json' }
    })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toContain('bad token ***')
    expectTokenNowhere(result)
  })

  test("400: shows the server's error text", async () => {
    servers.ssd.respond = () => ({ status: 400, json: { error: 'Invalid input data.' } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /SSD answered HTTP 400 \(Invalid input data\.\)\. Check the 'projectId', 'scanId' and 'scanType' inputs/
    )
    expect(servers.ssd.requests).toHaveLength(1)
  })

  test('200 with an HTML login page: content type, excerpt and likely cause', async () => {
    servers.ssd.respond = () => ({
      raw: '<html><head><title>Sign in</title></head><body><h1>Sign in to Okta</h1></body></html>',
      headers: { 'content-type': 'text/html; charset=utf-8' }
    })
    const result = await run()
    expect(result.code).toBe(1)
    const message = errorOf(result)
    expect(message).toMatch(/SSD answered HTTP 200 with text\/html; charset=utf-8, not JSON: "Sign in Sign in to Okta"/)
    expect(message).toMatch(/wrong 'host' or 'apiBasePath'.*login page \(SSO\)/)
    expect(servers.ssd.requests).toHaveLength(1)
  })

  test('200 with JSON of another shape', async () => {
    servers.ssd.respond = () => ({ json: { scans: [] } })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /not the documented scan list: expected a JSON array of scans, got an object with keys scans/
    )
  })

  test('TLS with an unknown (self-signed) certificate fails with the NODE_EXTRA_CA_CERTS hint', async () => {
    const tls = makeSelfSignedCertificate()
    const secure = await startSsdSimulator({ token: TOKEN, tls, respond: done, targets: everydayTargets() })
    try {
      const result = await run({ host: secure.url })
      expect(result.code).toBe(1)
      expect(errorOf(result)).toMatch(
        /TLS connection to 127\.0\.0\.1:\d+ failed: .*self[- ]signed.*NODE_EXTRA_CA_CERTS/i
      )
      expect(secure.requests).toHaveLength(0)

      // With the CA trusted the way the README says, the same server works.
      const trusted = await run({ host: secure.url }, { env: { NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(trusted.code).toBe(0)
      expect(secure.requests).toHaveLength(1)
    } finally {
      await secure.close()
    }
  })

  test('TLS with an expired certificate fails at once, naming the reason', async () => {
    const tls = makeExpiredCertificate()
    const secure = await startSsdSimulator({ token: TOKEN, tls, respond: done, targets: everydayTargets() })
    try {
      // Trusted, so that expiry is the only fault.
      const result = await run({ host: secure.url }, { env: { NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(result.code).toBe(1)
      expect(errorOf(result)).toMatch(
        /TLS connection to 127\.0\.0\.1:\d+ failed: certificate has expired \(CERT_HAS_EXPIRED\)\. The server.s certificate has expired/
      )
      expect(secure.requests).toHaveLength(0)
    } finally {
      await secure.close()
    }
  })

  test('TLS with a certificate for another name fails at once', async () => {
    const tls = makeSelfSignedCertificate('other.example', 'DNS:other.example')
    const secure = await startSsdSimulator({ token: TOKEN, tls, respond: done, targets: everydayTargets() })
    try {
      const result = await run({ host: secure.url }, { env: { NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(result.code).toBe(1)
      expect(errorOf(result)).toMatch(
        /TLS connection .* failed: .*\(ERR_TLS_CERT_ALTNAME_INVALID\)\. The certificate is not for this host name/
      )
    } finally {
      await secure.close()
    }
  })
})

test('a connection reset during the TLS handshake is retried, not taken for a certificate problem', async () => {
  const rude = createServer((socket) => socket.destroy())
  await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve))
  try {
    const port = (rude.address() as { port: number }).port
    const result = await run({ host: `https://127.0.0.1:${port}`, timeout: '1' })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('TimedOut')
    expect(result.stdout).toMatch(
      /SSD(.s summarydata)? request failed \(connection to 127\.0\.0\.1:\d+ reset\); retry 1/
    )
    expect(result.stdout).not.toContain('NODE_EXTRA_CA_CERTS')
  } finally {
    rude.close()
  }
})

describe('redirects', () => {
  test('a same-origin redirect is followed, with the token', async () => {
    servers.ssd.respond = (request) =>
      request.query.moved
        ? done()
        : {
            status: 307,
            headers: { location: `${request.path}?projectId=0x29ab7&type=sourceScan&scanId=0x29ab8&moved=1` }
          }
    const result = await run()
    expect(result.code).toBe(0)
    expect(servers.ssd.requests).toHaveLength(2)
    expect(servers.ssd.requests[1]?.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
  })

  test('a cross-origin redirect fails naming the target, and the token never goes there', async () => {
    const elsewhere = await startSsdSimulator({ respond: done })
    try {
      servers.ssd.respond = () => ({ status: 302, headers: { location: `${elsewhere.url}/login?next=/gate` } })
      const result = await run()
      expect(result.code).toBe(1)
      expect(errorOf(result)).toContain(`SSD redirected the request to another origin (${elsewhere.url})`)
      expect(elsewhere.requests).toHaveLength(0)
      expectTokenNowhere(result)
    } finally {
      await elsewhere.close()
    }
  })

  test('a same-origin redirect loop stops after 5 redirects', async () => {
    servers.ssd.respond = (request) => ({
      status: 302,
      headers: { location: `${request.path}?projectId=a&type=b&scanId=c&n=${servers.ssd.requests.length}` }
    })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(/redirected the request more than 5 times/)
    expect(servers.ssd.requests).toHaveLength(6)
  })

  test('a redirect from http to https on the same host says which host to set, and is not followed', async () => {
    servers.ssd.respond = () => ({
      status: 301,
      headers: { location: 'https://127.0.0.1:8443/gate/ssdservice/v1/scan/filedata' }
    })
    const result = await run()
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /another origin \(https:\/\/127\.0\.0\.1:8443\).* Set the 'host' input to https:\/\/127\.0\.0\.1:8443\./
    )
    expect(servers.ssd.requests).toHaveLength(1)
  })

  test('a redirect to another port of the same host is another origin', async () => {
    const elsewhere = await startSsdSimulator({ respond: done })
    try {
      servers.ssd.respond = () => ({ status: 301, headers: { location: `http://127.0.0.1:${elsewhere.port}/gate/x` } })
      const result = await run()
      expect(result.code).toBe(1)
      expect(elsewhere.requests).toHaveLength(0)
    } finally {
      await elsewhere.close()
    }
  })
})

describe('transient faults are retried within the timeout', () => {
  test.each([500, 502, 503, 504])('%i, then a completed scan', async (status) => {
    servers.ssd.respond = sequence({ status, json: { error: 'Resource not found.' } }, { status }, done())
    const result = await run()
    expect(result.code).toBe(0)
    expect(servers.ssd.requests).toHaveLength(3)
    const retries = result.stdout.split('\n').filter((line) => line.startsWith('SSD request failed'))
    expect(retries).toHaveLength(2)
    expect(retries[0]).toMatch(new RegExp(`HTTP ${status}.*retry 1 in \\d`))
  })

  test('backoff grows between retries', async () => {
    servers.ssd.respond = sequence({ status: 503 }, { status: 503 }, { status: 503 }, done())
    await run({ pollInterval: '0.4' })
    const gaps = servers.ssd.requests.slice(1).map((r, i) => r.at - servers.ssd.requests[i]!.at)
    // Base 0.4 s with jitter in [50%, 100%]: 0.2-0.4, 0.4-0.8, 0.8-1.6 s.
    expect(gaps[0]).toBeGreaterThanOrEqual(190)
    expect(gaps[2]).toBeGreaterThanOrEqual(790)
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!)
  })

  test('a tiny pollInterval and Retry-After: 0 never make a hot loop', async () => {
    servers.ssd.respond = () => ({ status: 429, headers: { 'retry-after': '0' } })
    const result = await run({ pollInterval: '0.001', timeout: '1' })
    expect(result.code).toBe(1)
    // At least 100 ms between requests: about 10 in a second, never hundreds.
    expect(servers.ssd.requests.length).toBeLessThanOrEqual(12)
  })

  test('a reset connection is retried', async () => {
    servers.ssd.respond = sequence({ reset: true }, done())
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/SSD request failed \((connection to 127\.0\.0\.1:\d+ reset|socket hang up)/)
  })

  test('connection refused is retried until the timeout, then a clear message', async () => {
    const port = servers.ssd.port
    await servers.ssd.close()
    const result = await run({ host: `http://127.0.0.1:${port}`, timeout: '1.5' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /SSD(.s summarydata)? request failed \(connection to 127\.0\.0\.1:\d+ refused\); retry 1/
    )
    expect(errorOf(result)).toMatch(
      /Timed out after \d+(\.\d)?s .*Last problem: connection to 127\.0\.0\.1:\d+ refused/
    )
    expect(result.outputs.status).toBe('TimedOut')
    servers.ssd = await startSsdSimulator()
  })

  test('a DNS failure is retried and named', async () => {
    const result = await run({ host: 'http://ssd.does-not-exist.invalid', timeout: '1' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /(host ssd\.does-not-exist\.invalid not found \(DNS\)|DNS lookup of ssd\.does-not-exist\.invalid failed)/
    )
    expect(result.outputs.status).toBe('TimedOut')
  })

  test('429 with Retry-After in seconds is honoured', async () => {
    servers.ssd.respond = sequence({ status: 429, headers: { 'retry-after': '1' } }, done())
    const result = await run({ pollInterval: '0.1' })
    expect(result.code).toBe(0)
    expect(servers.ssd.requests).toHaveLength(2)
    expect(servers.ssd.requests[1]!.at - servers.ssd.requests[0]!.at).toBeGreaterThanOrEqual(990)
  })

  test('429 with Retry-After as an HTTP date is honoured', async () => {
    // HTTP dates have whole seconds: two seconds ahead, made when the answer is sent, is at least one second away.
    servers.ssd.respond = (_request, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } } : done()
    const result = await run({ pollInterval: '0.1' })
    expect(result.code).toBe(0)
    expect(servers.ssd.requests[1]!.at - servers.ssd.requests[0]!.at).toBeGreaterThanOrEqual(900)
  })

  test('429 asking for longer than the time left ends at once with a clear message', async () => {
    servers.ssd.respond = () => ({ status: 429, headers: { 'retry-after': '3600' } })
    // Waiting, even only until the timeout, would meet the kill (exit code null).
    const result = await run({ timeout: '60' }, { killAfterMs: 15_000 })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(/SSD asked to retry after 3600s, beyond the time left/)
    expect(servers.ssd.requests).toHaveLength(1)
  })

  test('404 keeps polling (the scan may not exist yet) and then succeeds', async () => {
    servers.ssd.respond = sequence({ status: 404, json: { error: 'scan not found' } }, done())
    const result = await run()
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/HTTP 404 \(scan not found\): the project or scan may not exist yet/)
  })

  test('404 until the timeout: the final message names the 404s', async () => {
    servers.ssd.respond = () => ({ status: 404 })
    const result = await run({ timeout: '1' })
    expect(result.code).toBe(1)
    expect(errorOf(result)).toMatch(
      /SSD answered 404 Not Found \d+ time\(s\): check 'projectId', 'scanId' and 'scanType'/
    )
  })
})

describe('time bounds', () => {
  test('a request that never answers is bounded by the time left', async () => {
    servers.ssd.respond = () => ({ hang: true })
    const result = await run({ timeout: '1.5' }, { killAfterMs: 15_000 })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('TimedOut')
    expect(errorOf(result)).toMatch(/Timed out after \d+(\.\d)?s.*Last problem: no answer within 1\.\ds/)
  })

  test('the overall timeout names each scan’s last state and the elapsed time', async () => {
    servers.ssd.respond = () => ({
      json: [runningScan('scanning'), { ...runningScan('pending'), scanName: 'semgrep', scanTool: 'Semgrep' }]
    })
    const result = await run({ timeout: '1' })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'TimedOut', passed: 'false' })
    expect(errorOf(result)).toMatch(
      /Timed out after \d+(\.\d)?s waiting for the SSD scan to complete\. Last known state: openssf: scanning, semgrep: pending\./i
    )
    expect(result.summary).toContain('Timed out after')
  })

  test.each(['SIGINT', 'SIGTERM'] as const)('%s from the runner stops polling at once', async (signal) => {
    servers.ssd.respond = () => ({ json: [runningScan('scanning')] })
    // Waiting out the interval before stopping would meet the kill (exit code null).
    const result = await run(
      { pollInterval: '30', timeout: '60' },
      {
        killAfterMs: 15_000,
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (servers.ssd.requests.length > 0) {
              clearInterval(poll)
              child.kill(signal)
            }
          }, 20)
        }
      }
    )
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(errorOf(result)).toBe('Cancelled while waiting for the SSD scan.')
    expect(result.outputs.status).toBe('Cancelled')
    expect(servers.ssd.requests).toHaveLength(1)
  })
})

describe('proxies', () => {
  test.each([
    ['HTTP_PROXY', 'http'],
    ['http_proxy', 'http'],
    ['HTTPS_PROXY', 'https'],
    ['https_proxy', 'https']
  ])('%s reaches a host only the proxy knows', async (variable, scheme) => {
    const tls = scheme === 'https' ? makeSelfSignedCertificate('ssd.corp.test', 'DNS:ssd.corp.test') : undefined
    const target = await startSsdSimulator({ token: TOKEN, tls, respond: done, targets: everydayTargets() })
    const proxy = await startProxy({ 'ssd.corp.test': target.port })
    try {
      const env: Record<string, string> = { [variable]: proxy.url }
      if (tls) env.NODE_EXTRA_CA_CERTS = tls.certPath
      const result = await run({ host: `${scheme}://ssd.corp.test:${target.port}` }, { env })
      expect(result.code).toBe(0)
      expect(target.requests).toHaveLength(1)
      expect(target.requests[0]?.headers['x-opsmx-auth']).toBe(`Bearer ${TOKEN}`)
      expect(proxy.log[0]?.method).toBe(scheme === 'https' ? 'CONNECT' : 'GET')
      expect(proxy.log[0]?.target).toContain(`ssd.corp.test:${target.port}`)
    } finally {
      await proxy.close()
      await target.close()
    }
  })

  test('the PR comment goes through the proxy too', async () => {
    const port = Number(new URL(servers.github.apiUrl).port)
    const proxy = await startProxy({ 'ssd.corp.test': servers.ssd.port, 'github.corp.test': port })
    try {
      const result = await run(
        { host: `http://ssd.corp.test:${servers.ssd.port}` },
        { env: { HTTP_PROXY: proxy.url, GITHUB_API_URL: `http://github.corp.test:${port}` } }
      )
      expect(servers.github.comments.get(7)).toHaveLength(1)
      expect(result.outputs.commentUrl).not.toBe('')
      expect(proxy.log.some((entry) => entry.target.includes('github.corp.test'))).toBe(true)
    } finally {
      await proxy.close()
    }
  })

  test('NO_PROXY sends a listed host direct', async () => {
    const proxy = await startProxy({})
    try {
      servers.ssd.respond = done
      const result = await run({}, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
      expect(result.code).toBe(0)
      expect(proxy.log).toHaveLength(0)
      expect(servers.ssd.requests).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })
})

describe('a run without a result', () => {
  test('updates an earlier comment so it no longer says passed, but creates none', async () => {
    servers.ssd.respond = done
    await run()
    expect(servers.github.comments.get(7)?.[0]?.body).toContain('✅ OpsMx SSD gate passed')
    servers.ssd.respond = () => ({ json: [runningScan('scanning')] })
    const result = await run({ timeout: '0.5' })
    expect(result.outputs.status).toBe('TimedOut')
    const comments = servers.github.comments.get(7) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('OpsMx SSD gate: no result')
    expect(comments[0]?.body).toContain('Timed out after')
    expect(result.outputs.commentUrl ?? '').toBe('')

    await run({ timeout: '0.5', projectId: 'other' })
    expect(servers.github.comments.get(7)).toHaveLength(1)
  })
})

describe('hostile and huge scan data', () => {
  test('the token quoted in a check, workflow commands in names: nothing leaks, nothing runs', async () => {
    servers.ssd.respond = () => ({
      json: [
        exampleScan({
          // The name the log shows is the tool's (scanTool), else the scan's (scanName).
          scanName: 'openssf\n::set-output name=passed::true',
          scanTool: 'openssf\n::set-output name=passed::true',
          data: [
            { name: '::error::pwned', score: 1, reason: `token is ${TOKEN} | @octocat <img src=x>` },
            { name: 'Ok', score: 9, reason: '::add-mask::x\n::warning::fake' }
          ]
        })
      ]
    })
    const result = await run()
    expect(result.code).toBe(1)
    expectTokenNowhere(result)
    // The scan name is logged; its forged command must not start a line (in the middle of
    // one the runner ignores it). The only commands are the action's own: the two masks,
    // and the one failure.
    expect(result.stdout).toContain('openssf ::set-output name=passed::true')
    const commands = result.stdout.split('\n').filter((line) => /^\s*::/.test(line))
    expect(commands).toEqual([
      `::add-mask::${TOKEN}`,
      '::add-mask::ghs_standInGitHubToken0123456789',
      '::error::SSD score 2.4 is below the threshold 5.'
    ])
    expect(result.outputs.passed).toBe('false')
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body).toContain('token is \\*\\*\\*')
    expect(body).not.toContain('<img')
  })

  test('20,000 checks: comment under 65,536 characters, summary under 1 MiB, the rest counted', async () => {
    const data = Array.from({ length: 20_000 }, (_, i) => ({
      name: `Check-${i}`,
      score: i % 11,
      reason: `reason ${i} `.repeat(20),
      metadata: { url: `https://example.com/checks/${i}` }
    }))
    servers.ssd.respond = () => ({ json: [exampleScan({ data })] })
    const result = await run()
    const body = servers.github.comments.get(7)?.[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toMatch(/[\d,]+ more results are not shown here .* the job summary/)
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024)
    expectCommentIsReport(body, result.outputs.report)
    expect(JSON.parse(result.outputs.failedChecks ?? '[]')).toHaveLength(data.filter((d) => d.score < 5).length)
  })

  test('a huge list of failing checks is cut to fit the outputs, with a warning', async () => {
    const data = Array.from({ length: 30_000 }, (_, i) => ({ name: `A-rather-long-check-name-number-${i}`, score: 1 }))
    servers.ssd.respond = () => ({ json: [exampleScan({ data })] })
    const result = await run()
    const failed = JSON.parse(result.outputs.failedChecks ?? '[]') as string[]
    expect(failed.length).toBeGreaterThan(1000)
    expect(failed.length).toBeLessThan(30_000)
    expect(Buffer.byteLength(result.outputs.failedChecks ?? '')).toBeLessThanOrEqual(256 * 1024)
    expect(result.stdout).toMatch(/::warning::The 'failedChecks' output holds the first \d+ of 30000 items/)
  })

  test('a 50 MB answer is handled within the limits', async () => {
    const reason = 'x'.repeat(2_000)
    const data = Array.from({ length: 25_000 }, (_, i) => ({ name: `C${i}`, score: 9, reason }))
    const raw = JSON.stringify([exampleScan({ data })])
    expect(raw.length).toBeGreaterThan(50_000_000)
    servers.ssd.respond = () => ({ raw, headers: { 'content-type': 'application/json' } })
    const result = await run({ timeout: '30' })
    expect(result.code).toBe(1)
    expect(servers.github.comments.get(7)?.[0]?.body.length).toBeLessThanOrEqual(65_536)
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024)
  })
})
