/**
 * Serves the SSD simulator until stopped, for trying the action by hand or for the
 * repository's own workflow (`uses: ./` against it). Usage:
 *   [SIM_REPOSITORY=widget SIM_BRANCH=main SIM_COMMIT=<sha>] node scripts/serve-simulator.ts [port] [token]
 * With SIM_* set, it models one scan target of project 0x29ab7 (scan 0x29ab8) for that
 * repository and branch, last scanned at an older commit; SSD then scans SIM_COMMIT (the
 * seed's example scan, score 2.4), as the action waits. Without them it answers filedata
 * for any scanId with that scan after one "scanning" reply (the action needs `scanId` then).
 * SIM_TOKEN_FORMAT=raw makes it read the token raw (`tokenFormat: raw`), SIM_POST_ONLY=1
 * answer GET on filedata with 405 (read by POST).
 */
import { exampleScan, runningScan, sequence, startSsdSimulator } from '../test-support/ssd-simulator.ts'

const portArgument = process.argv[2] ?? '8080'
const port = Number(portArgument)
const token = process.argv[3] ?? 'simulator-token'
if (!/^\d+$/.test(portArgument) || port > 65535) {
  console.error(`The port must be a number from 0 to 65535, got "${portArgument}".`)
  process.exit(2)
}

try {
  const { SIM_REPOSITORY: repository, SIM_BRANCH: branch, SIM_COMMIT: commit } = process.env
  const modelled = repository && branch && commit
  const ssd = await startSsdSimulator({
    token,
    port,
    tokenFormat: process.env.SIM_TOKEN_FORMAT === 'raw' ? 'raw' : 'bearer',
    filedataPostOnly: process.env.SIM_POST_ONLY === '1',
    respond: modelled ? undefined : sequence({ json: [runningScan('scanning')] }, { json: [exampleScan()] })
  })
  if (modelled) {
    const target = ssd.addTarget({ repository, branch, scanId: '0x29ab8', headCommit: '0'.repeat(40) })
    ssd.push(target, commit, { afterLooks: 1, result: [exampleScan()] })
  }
  console.log(
    `SSD simulator listening on ${ssd.url} (token: ${token})${modelled ? `, scanning ${repository}@${branch} at ${commit}` : ''}`
  )
} catch (error) {
  // One line a person can act on, rather than Node's stack trace for an unhandled 'error'.
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} is already in use; stop what is listening there or pass another port: npm run simulator -- 8081`
      : code === 'EACCES'
        ? `no permission to listen on port ${port}; pass a port above 1023`
        : String((error as Error).message ?? error)
  console.error(`SSD simulator could not start: ${reason}`)
  process.exit(1)
}
