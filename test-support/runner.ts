/**
 * Runs the shipped bundle the way GitHub's runner does: `node dist/index.js` with the
 * inputs as INPUT_* variables (action.yml's defaults applied first, as the runner does),
 * the GITHUB_* files and the event payload, and a clean environment.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { ScanTargetModel } from './ssd-simulator.ts'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Stands in for `${{ github.token }}`. */
export const GITHUB_TOKEN = 'ghs_standInGitHubToken0123456789'

export interface ActionEvent {
  name: string
  payload: unknown
}

export interface RunOptions {
  /** Inputs as a workflow's `with:` gives them; `undefined` leaves one out. */
  inputs: Record<string, string | undefined>
  event?: ActionEvent
  /** Extra environment, e.g. GITHUB_API_URL or proxy variables. */
  env?: Record<string, string>
  /** Called with the child process once it runs (to send it a signal, say). */
  onSpawn?: (child: ChildProcess) => void
  /** Kill the run after this long; a test must never hang. */
  killAfterMs?: number
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
}

interface ActionManifest {
  inputs: Record<string, { default?: string; required?: boolean }>
}

let manifest: ActionManifest | undefined

/** What the runner does with action.yml's defaults, `${{ github.token }}` included. */
export function applyDefaults(inputs: Record<string, string | undefined>): Record<string, string> {
  manifest ??= parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest
  const values: Record<string, string> = {}
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const value = name in inputs ? inputs[name] : spec.default?.replace('${{ github.token }}', GITHUB_TOKEN)
    if (value !== undefined) values[name] = value
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (value !== undefined && !(name in values)) values[name] = value
  }
  return values
}

/** The head commit of the pull request the tests open, and the merge commit GITHUB_SHA names then. */
export const PR_HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const MERGE_SHA = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed'
/** The base branch's commit the tests' pull request was last compared with. */
export const PR_BASE_SHA = 'ba5eba5eba5eba5eba5eba5eba5eba5eba5eba5e'
/** The commit a push event is of. */
export const PUSH_SHA = 'b0a710adb0a710adb0a710adb0a710adb0a710ad'

/**
 * SSD's scan targets for the tests' repository, each last scanned at the commit under
 * review: the pull request's branch (`feature`, scan 0x29ab8) and `main` (scan 0x29ab9).
 */
export function everydayTargets(): Array<Partial<ScanTargetModel>> {
  return [
    { projectId: '0x29ab7', repository: 'octo-repo', branch: 'feature', scanId: '0x29ab8', headCommit: PR_HEAD_SHA },
    { projectId: '0x29ab7', repository: 'octo-repo', branch: 'main', scanId: '0x29ab9', headCommit: PUSH_SHA }
  ]
}

export function pullRequestEvent(
  number = 7,
  options: { fork?: boolean; headSha?: string; headRef?: string; baseRef?: string } = {}
): ActionEvent {
  const base = 'octo-org/octo-repo'
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: {
          sha: options.headSha ?? PR_HEAD_SHA,
          ref: options.headRef ?? 'feature',
          repo: { full_name: options.fork ? 'someone/octo-repo' : base }
        },
        base: { ref: options.baseRef ?? 'main', sha: PR_BASE_SHA, repo: { full_name: base } }
      },
      repository: { full_name: base }
    }
  }
}

const tempDirs: string[] = []

/** A temporary directory that removeTempDirs() deletes: tests and scripts leave nothing behind. */
export function makeTempDir(prefix = 'ssd-gate-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export const pushEvent: ActionEvent = { name: 'push', payload: { ref: 'refs/heads/main', after: PUSH_SHA } }

/** What the runner sets about the ref and commit: a PR's merge ref and head/base branches, or the pushed branch. */
function refEnvironment(event: ActionEvent): Record<string, string> {
  const payload = event.payload as {
    pull_request?: { number?: number; head?: { ref?: string }; base?: { ref?: string } }
    ref?: string
  }
  const pr = payload.pull_request
  if (pr) {
    return {
      GITHUB_SHA: MERGE_SHA,
      GITHUB_REF: `refs/pull/${pr.number}/merge`,
      GITHUB_REF_NAME: `${pr.number}/merge`,
      GITHUB_HEAD_REF: pr.head?.ref ?? '',
      GITHUB_BASE_REF: pr.base?.ref ?? ''
    }
  }
  const ref = payload.ref ?? 'refs/heads/main'
  return { GITHUB_SHA: PUSH_SHA, GITHUB_REF: ref, GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, '') }
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = makeTempDir('ssd-gate-run-')
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    event: join(dir, 'event.json'),
    temp: join(dir, 'runner-temp')
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  mkdirSync(files.temp)
  const event = options.event ?? pullRequestEvent()
  writeFileSync(files.event, JSON.stringify(event.payload))

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    ...refEnvironment(event),
    GITHUB_RUN_ID: '4242',
    // The step: its id, or for a step without one the action's name (`_2` for a second use).
    GITHUB_ACTION: '__opsmx_ssd-gate-action',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: files.temp,
    ...options.env
  }
  for (const [name, value] of Object.entries(applyDefaults(options.inputs))) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }

  const started = Date.now()
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  options.onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000)
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)))
  clearTimeout(killer)
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    durationMs: Date.now() - started
  }
}

/**
 * GITHUB_OUTPUT as the runner reads it on Linux (actions/runner, SetEnvFileCommand's reader,
 * which outputs share): lines end at `\n` (a `\r` is part of the line); an empty line is
 * skipped; `name=value` when a `=` comes before any `<<`; else `name<<DELIMITER`, then the
 * value's lines up to a line that is exactly DELIMITER. A name given again takes the later
 * value. A line of neither form, or a value without its delimiter, fails the step: an error
 * here too.
 */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  let index = 0
  /** The next line, without its `\n`, and moves past it; undefined at the end. */
  const readLine = (): string | undefined => {
    if (index >= text.length) return undefined
    const end = text.indexOf('\n', index)
    const line = text.slice(index, end < 0 ? text.length : end)
    index = end < 0 ? text.length : end + 1
    return line
  }
  for (let line = readLine(); line !== undefined; line = readLine()) {
    if (!line) continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      outputs[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    if (heredoc < 0 || !name || !delimiter) throw new Error(`GITHUB_OUTPUT: invalid line ${JSON.stringify(line)}`)
    const start = index
    let end = index
    for (let value = readLine(); value !== delimiter; value = readLine()) {
      if (value === undefined) throw new Error(`GITHUB_OUTPUT: no closing delimiter ${JSON.stringify(delimiter)}`)
      end = index - (text[index - 1] === '\n' ? 1 : 0)
    }
    outputs[name] = text.slice(start, end)
  }
  return outputs
}
