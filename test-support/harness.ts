/**
 * What every integration test file needs: an SSD simulator and a GitHub stand-in, fresh
 * for each test, and a way to run the gate against them with everyday inputs.
 */
import { afterEach, beforeEach } from '@jest/globals'
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.ts'
import { runAction, type RunOptions, type RunResult } from './runner.ts'
import { startSsdSimulator, type Responder, type SsdSimulator } from './ssd-simulator.ts'

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
    servers.ssd = await startSsdSimulator({ token: TOKEN, respond })
    servers.github = await startGitHubStandIn()
  })
  afterEach(async () => {
    await servers.ssd.close()
    await servers.github.close()
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
      scanId: '0x29ab8',
      pollInterval: '0.2',
      timeout: '20',
      ...inputs
    },
    env: { GITHUB_API_URL: servers.github.apiUrl, ...options.env }
  })
}
