/**
 * A few properties through the shipped bundle, run as the runner runs it: random and
 * hostile SSD answers and faults, against the SSD simulator and the GitHub stand-in. Few
 * cases, since each one starts node; the unit-level properties try many more. Seeded like
 * them: a failure prints FC_SEED and FC_PATH to replay it.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { existsSync, readFileSync } from 'node:fs'
import { safeUrl } from '../src/markdown.ts'
import { parseScans } from '../src/scans.ts'
import { anyJson, bigAnswer, documentedAnswer, PROPERTY_TOKEN } from '../test-support/arbitraries.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { commandsOf, everythingWritten, runGate, TOKEN, useServers } from '../test-support/harness.ts'
import { reportProblems } from '../test-support/report-checks.ts'
import { makeTempDir, PR_HEAD_SHA, PUSH_SHA, type RunResult } from '../test-support/runner.ts'
import { sarifSchemaErrors } from '../test-support/sarif-schema.ts'
import type { SimReply } from '../test-support/ssd-simulator.ts'

const servers = useServers()

const REPOSITORY_URL = 'https://github.com/octo-org/octo-repo'
const RUN_URL = `${REPOSITORY_URL}/actions/runs/4242`
const TOKEN_FORMS = [TOKEN, TOKEN.replace(/_/g, '\\_'), encodeURIComponent(TOKEN)]
const MARKER = '<!-- opsmx-ssd-gate project=0x29ab7 type=sourceScan -->'
const GATE_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice'])

/** Inputs a workflow may set, the gate's own ones among them. */
const inputs = fc.record({
  checkThresholds: fc.constantFrom('', '*=10', 'Binary-Artifacts=8\n*=2', 'constructor=5\ntoString=3'),
  failOnSeverity: fc.constantFrom('', 'critical', 'low'),
  failOnInconclusive: fc.constantFrom('true', 'false'),
  warnOnly: fc.constantFrom('true', 'false'),
  sarifFile: fc.constant('ssd.sarif')
})

/** What must hold of any run, whatever SSD answered. */
function runProblems(result: RunResult, answer?: string): string[] {
  const problems: string[] = []
  if (result.code !== 0 && result.code !== 1) problems.push(`exit code ${result.code}`)
  const log = `${result.stdout}\n${result.stderr}`
  if (/\n\s+at .+:\d+:\d+/.test(log) || /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b/.test(log)) {
    problems.push('a stack trace or a JavaScript error in the log')
  }
  const commands = commandsOf(result)
  if (result.code === 1 && !commands.some((command) => command.name === 'error')) {
    problems.push('failed without an error message')
  }
  // The gate masks its secrets and annotates; any other command came from the answer.
  for (const { name, message } of commands) {
    if (!GATE_COMMANDS.has(name)) problems.push(`a workflow command the gate does not write: ${name} ${message}`)
  }
  const written = everythingWritten(result, servers)
  for (const form of TOKEN_FORMS) if (written.includes(form)) problems.push(`the token (${form}) was written`)
  if (!result.summary.isWellFormed() || Buffer.byteLength(result.summary) > 1024 * 1024) {
    problems.push('the job summary is broken or over 1 MiB')
  }

  const comment = servers.github.comments.get(7)?.[0]?.body
  if (comment !== undefined && result.outputs.report !== undefined) {
    if (comment !== `${MARKER}\n${result.outputs.report}`)
      problems.push('the comment is not the report output under its marker')
    // The run, and the commits of the result and of the base branch's (PR head, main).
    const links = new Set([RUN_URL, `${REPOSITORY_URL}/commit/${PR_HEAD_SHA}`, `${REPOSITORY_URL}/commit/${PUSH_SHA}`])
    try {
      // As the action sees the answer: the token echoed in it is removed as soon as it is read.
      const scans = answer === undefined ? [] : parseScans(JSON.parse(answer.split(TOKEN).join('***')))
      for (const scan of scans) for (const check of scan.checks) links.add(safeUrl(check.url) ?? '')
    } catch {
      // not a scan list: the run had no result, and the report makes no check links
    }
    const linkPrefixes = [`${REPOSITORY_URL}/blob/${PR_HEAD_SHA}/`]
    problems.push(...reportProblems(comment, { marker: MARKER, links, linkPrefixes, secrets: TOKEN_FORMS }))
  }
  const sarif = result.outputs.sarifFile
  if (sarif && existsSync(sarif)) {
    problems.push(...sarifSchemaErrors(JSON.parse(readFileSync(sarif, 'utf8'))).map((error) => `SARIF: ${error}`))
  }
  return problems
}

/** The answer's planted secret becomes the token this run uses. */
const withToken = (answer: string): string => answer.split(PROPERTY_TOKEN).join(TOKEN)

describe('the shipped bundle on random answers', () => {
  test('any answer, documented or not, big or small: a verdict or a clear error, every output sound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 5, arbitrary: documentedAnswer },
          { weight: 2, arbitrary: anyJson },
          { weight: 1, arbitrary: bigAnswer }
        ),
        inputs,
        async (generated, settings) => {
          const answer = withToken(generated)
          servers.github.comments.clear()
          servers.ssd.respond = () => ({ raw: answer, headers: { 'content-type': 'application/json' } })
          // A scan still running times out: one second is enough to see how that ends.
          const workspace = makeTempDir('ssd-gate-workspace-') // where the relative sarifFile goes
          const result = await runGate(servers, { ...settings, timeout: '1' }, { env: { GITHUB_WORKSPACE: workspace } })
          expect(runProblems(result, answer)).toEqual([])
        }
      ),
      propertyParameters(6)
    )
  }, 180_000)

  test('any status, body and content type from SSD: never a crash, never a hang, the token nowhere', async () => {
    const reply: fc.Arbitrary<SimReply> = fc.record({
      status: fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 418, 429, 500, 502),
      raw: fc.oneof(
        anyJson,
        anyJson.map((json) => `\ufeff${json}`),
        fc.constantFrom('', '<html><body>Sign in</body></html>', `{"error":"bad token ${TOKEN}"}`, '{"message":7}')
      ),
      headers: fc.record({
        'content-type': fc.constantFrom('application/json', 'text/html; charset=utf-8', 'text/plain'),
        'retry-after': fc.constantFrom('0', '1', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT')
      })
    })
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { minLength: 1, maxLength: 3 }), async (replies) => {
        const answers = replies.map((one) => ({ ...one, raw: withToken(one.raw as string) }))
        servers.github.comments.clear()
        servers.ssd.respond = (_request, index) => answers[Math.min(index, answers.length - 1)] ?? {}
        const result = await runGate(servers, { timeout: '1.5' })
        expect(runProblems(result)).toEqual([])
      }),
      propertyParameters(6)
    )
  }, 180_000)
})
