/**
 * Serves the SSD simulator until stopped, for trying the action by hand or for the
 * repository's own workflow (`uses: ./` against it). Usage:
 *   node scripts/serve-simulator.ts [port] [token]
 * It answers with the seed's example scan (score 2.4) after one "scanning" reply.
 */
import { exampleScan, runningScan, sequence, startSsdSimulator } from '../test-support/ssd-simulator.ts'

const port = Number(process.argv[2] ?? 8080)
const token = process.argv[3] ?? 'simulator-token'
const ssd = await startSsdSimulator({
  token,
  port,
  respond: sequence({ json: [runningScan('scanning')] }, { json: [exampleScan()] })
})
console.log(`SSD simulator listening on ${ssd.url} (token: ${token})`)
