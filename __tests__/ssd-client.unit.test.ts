/**
 * The pure parts of filedata by POST: the bodies that name a summary's result files, one
 * per category group, and the answers' texts joined into one result file. The requests
 * themselves run through the bundle (ssd-answers.integration.test.ts); here only the time a
 * POST after a 405 is given, and an error page's excerpt, against a plain loopback server.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseConfig, type InputName } from '../src/config.ts'
import { parseScannedFiles } from '../src/scan-summary.ts'
import { createSsdClient, filedataBodies, joinJsonArrays, type SsdClient } from '../src/ssd-client.ts'
import { propertyParameters } from '../test-support/fast-check.ts'

const entry = (name: string, status: string) => ({
  scanName: name,
  scanTool: name,
  resultFile: `octo-repo/feature/${name}.json`,
  status,
  error: status === 'fail' ? 'out of memory' : ''
})

const GROUPED = {
  OpenSSF: { openssf: entry('openssf', 'completed') },
  SAST: { semgrep: entry('semgrep', 'scanning'), opengrep: entry('opengrep', 'fail') },
  SBOM: { sbom: entry('sbom', 'pending') }
}

describe("filedata's POST bodies", () => {
  test('one body per category, in the summary order, naming its tools by key', () => {
    const bodies = filedataBodies(parseScannedFiles(GROUPED))
    expect(bodies).toEqual([
      {
        openssf: {
          scanName: 'openssf',
          scanTool: 'openssf',
          resultFile: 'octo-repo/feature/openssf.json',
          status: 'completed'
        }
      },
      {
        semgrep: {
          scanName: 'semgrep',
          scanTool: 'semgrep',
          resultFile: 'octo-repo/feature/semgrep.json',
          status: 'scanning'
        },
        opengrep: {
          scanName: 'opengrep',
          scanTool: 'opengrep',
          resultFile: 'octo-repo/feature/opengrep.json',
          status: 'fail'
        }
      },
      { sbom: { scanName: 'sbom', scanTool: 'sbom', resultFile: 'octo-repo/feature/sbom.json', status: 'pending' } }
    ])
  })

  test('a flat list is one body; no files is `{}` once; a `__proto__` key stays a key', () => {
    expect(filedataBodies(parseScannedFiles([entry('a', 'completed'), entry('b', 'completed')]))).toHaveLength(1)
    expect(filedataBodies([])).toEqual([{}])
    const [body] = filedataBodies(parseScannedFiles(JSON.parse('{"__proto__":{"status":"completed"}}')))
    expect(JSON.stringify(body)).toBe(
      '{"__proto__":{"scanName":"","scanTool":"","resultFile":"","status":"completed"}}'
    )
  })

  test("answers' arrays joined as their text came, in order", () => {
    expect(joinJsonArrays(['[1, 2]', ' [ ] ', '\n[{"a":"\\u0073"}]\n'])).toBe('[1, 2,{"a":"\\u0073"}]')
    expect(joinJsonArrays(['[]', '[]'])).toBe('[]')
    expect(joinJsonArrays(['[ 3 ]'])).toBe('[ 3 ]')
  })

  test('joined, the texts parse to the arrays concatenated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.jsonValue()), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (arrays, pretty) => {
          const texts = arrays.map((array) => JSON.stringify(array, null, pretty ? 2 : undefined))
          expect(JSON.parse(joinJsonArrays(texts))).toEqual(JSON.parse(JSON.stringify(arrays.flat())))
        }
      ),
      propertyParameters(300)
    )
  })
})

/**
 * Runs `use` with an SSD client of the action's default inputs against a loopback server
 * that answers with `handler`, and closes the server however `use` ends.
 */
async function withLoopbackSsd(handler: RequestListener, use: (client: SsdClient) => Promise<void>): Promise<void> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const inputs: Record<string, string> = { host, token: 'tok', projectId: '0x1', pollInterval: '1' }
    const config = parseConfig((name: InputName) => inputs[name] ?? '', {
      isForkPullRequest: false,
      repositoryName: 'widget',
      branch: 'feature',
      commit: 'a'.repeat(40)
    })
    await use(createSsdClient(config))
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

describe('the POST after a 405', () => {
  test("has what is left of the request's time, not a time of its own", async () => {
    // Each answer takes 300 ms: the GET's 405 and the POST's results, 600 ms in all.
    const methods: string[] = []
    const answer: RequestListener = (request, response) => {
      methods.push(request.method ?? '')
      request.resume()
      setTimeout(() => {
        if (request.method === 'GET') response.writeHead(405).end()
        else response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]')
      }, 300)
    }
    await withLoopbackSsd(answer, async (client) => {
      const signal = new AbortController().signal
      const cut = await client.scanResults('0x1', { signal, timeoutMs: 450 })
      expect(methods).toEqual(['GET', 'POST'])
      expect(cut).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/^no answer within/) })
      // With the time for both, the same POST answers.
      expect((await client.scanResults('0x1', { signal, timeoutMs: 5000 })).kind).toBe('answer')
      expect(methods).toEqual(['GET', 'POST', 'POST'])
    })
  })
})

describe("an error page's excerpt", () => {
  // Stripping tags with /<[^>]*>/g scanned from each '<' to the end: a body of 300,000 '<'
  // took 111 s here (quadratic, and synchronous: no timer could end it).
  test('a huge body of unclosed tags: its message, tags stripped, in a line', async () => {
    const body = `<html><h1>No such scan</h1></html>${'<'.repeat(300_000)}`
    const answer: RequestListener = (request, response) => {
      request.resume()
      response.writeHead(500, { 'Content-Type': 'text/html' }).end(body)
    }
    await withLoopbackSsd(answer, async (client) => {
      const started = Date.now()
      const reply = await client.scanResults('0x1', { signal: new AbortController().signal, timeoutMs: 5000 })
      // Never a hang: the reply within the request's own time (the quadratic excerpt took 111 s).
      expect(Date.now() - started).toBeLessThan(5000)
      expect(reply).toMatchObject({ kind: 'retry', reason: expect.stringContaining('No such scan <<<') })
      expect(JSON.stringify(reply).length).toBeLessThan(1000)
    })
  })
})
