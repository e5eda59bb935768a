/**
 * Serves the SSD simulator until stopped, for trying the action by hand or for the
 * repository's own workflow (`uses: ./` against it). Usage:
 *   node scripts/serve-simulator.ts [port] [token]
 * It answers with the seed's example scan (score 2.4) after one "scanning" reply.
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
  const ssd = await startSsdSimulator({
    token,
    port,
    respond: sequence({ json: [runningScan('scanning')] }, { json: [exampleScan()] })
  })
  console.log(`SSD simulator listening on ${ssd.url} (token: ${token})`)
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
