import { expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../test-support/runner.ts'

const run = promisify(execFile)

/** `npm run simulator -- <args>` as a person types it, on the project's Node 24. */
async function serveSimulator(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts', 'serve-simulator.ts'), ...args], {
      timeout: 10_000
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
    return { code, stdout, stderr }
  }
}

test('a port in use is said in one line, with what to do, and no stack trace', async () => {
  const taken = createServer()
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
  const { port } = taken.address() as { port: number }
  try {
    const result = await serveSimulator(String(port))
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `SSD simulator could not start: port ${port} is already in use; stop what is listening there or pass another port: npm run simulator -- 8081`
    ])
  } finally {
    taken.close()
  }
})

test('a port that is not a number is refused in one line', async () => {
  const result = await serveSimulator('80a')
  expect(result.code).toBe(2)
  expect(result.stderr.trimEnd().split('\n')).toEqual(['The port must be a number from 0 to 65535, got "80a".'])
})
