/**
 * What every integration test file needs: an SSD simulator and a GitHub stand-in, fresh
 * for each test, and a way to run the gate against them with everyday inputs.
 */
import { afterEach, beforeEach, expect } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { startGitHubStandIn, type GitHubRequest, type GitHubStandIn } from './github-stand-in.ts'
import { everydayTargets, removeTempDirs, runAction, type RunOptions, type RunResult } from './runner.ts'

export { everydayTargets }
import { startSsdSimulator, type Responder, type SsdSimulator } from './ssd-simulator.ts'
import { parseWorkflowCommands, readOutput, type WorkflowCommand } from './workflow-commands.ts'

/** The SSD token the simulator accepts; underscores, so markdown escaping is put to the test. */
export const TOKEN = 'ssd_secret_token_7f3a9c'

export interface Servers {
  ssd: SsdSimulator
  github: GitHubStandIn
}

/** Starts both servers before each test and stops them after; a test may replace either. */
export function useServers(respond?: Responder): Servers {
  const servers = {} as Servers
  beforeEach(async () => {
    servers.ssd = await startSsdSimulator({ token: TOKEN, respond, targets: everydayTargets() })
    servers.github = await startGitHubStandIn()
  })
  afterEach(async () => {
    await servers.ssd.close()
    await servers.github.close()
    removeTempDirs()
  })
  return servers
}

/** Runs the bundle against `servers`, polling fast; `inputs` and `options` override. */
export function runGate(
  servers: Servers,
  inputs: RunOptions['inputs'] = {},
  options: Partial<RunOptions> = {}
): Promise<RunResult> {
  return runAction({
    ...options,
    inputs: {
      host: servers.ssd.url,
      token: TOKEN,
      projectId: '0x29ab7',
      pollInterval: '0.2',
      timeout: '20',
      ...inputs
    },
    env: { GITHUB_API_URL: servers.github.apiUrl, ...options.env }
  })
}

/** The workflow commands the runner reads in the run's log (the toolkit writes them to stdout). */
export function commandsOf(result: RunResult): WorkflowCommand[] {
  return parseWorkflowCommands(result.stdout)
}

/** The run's first error annotation's message, as the runner shows it ('' when there is none). */
export function errorOf(result: RunResult): string {
  // The step's own error has no properties; a finding's annotation names its place and title.
  const errors = commandsOf(result).filter((command) => command.name === 'error')
  return errors.find((command) => Object.keys(command.properties).length === 0)?.message ?? ''
}

/** The token as it could appear: raw, markdown-escaped (GitHub shows `\_` as `_`), URL-encoded. */
const TOKEN_FORMS = [TOKEN, TOKEN.replace(/_/g, '\\_'), encodeURIComponent(TOKEN)]

/**
 * Everything the run showed or wrote: the log (but the runner's own `::add-mask::` lines,
 * which it consumes), outputs, job summary, the comments GitHub received, and the result
 * and SARIF files.
 */
export function everythingWritten(result: RunResult, servers: Servers): string {
  const comments = [...servers.github.comments.values()].flat().map((comment) => comment.body)
  const log = readOutput(result.stdout)
    .filter((line) => line.command?.name !== 'add-mask')
    .map((line) => line.text)
    .join('\n')
  const files = [result.outputs.resultFile, result.outputs.sarifFile]
    .filter((path): path is string => !!path && existsSync(path))
    .map((path) => readFileSync(path, 'utf8'))
  return [log, result.stderr, result.summary, JSON.stringify(result.outputs), ...comments, ...files].join('\n')
}

/** The token is masked before any other line is logged, and appears nowhere, in any form. */
export function expectTokenNowhere(result: RunResult, servers: Servers): void {
  expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`)
  const written = everythingWritten(result, servers)
  for (const form of TOKEN_FORMS) expect(written).not.toContain(form)
}

/** The PR comment is the `report` output under the hidden marker, on a line of its own. */
export function expectCommentIsReport(comment: string | undefined, report: string | undefined): void {
  const [marker, ...rest] = (comment ?? '').split('\n')
  expect(marker).toMatch(/^<!-- opsmx-ssd-gate project=\S+ type=\S+( header=\S+)? -->$/)
  expect(rest.join('\n')).toBe(report)
}

/** The requests GitHub received for the PR comment (REST and GraphQL), apart from the waivers file's read. */
export function commentRequests(servers: Servers): GitHubRequest[] {
  return servers.github.requests.filter((request) => !request.path.includes('/contents/'))
}
