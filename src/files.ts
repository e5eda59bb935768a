/**
 * Files for later steps: the full SSD answer (`resultFile`) and the SARIF log (`sarifFile`).
 * Both are redacted like every other text the action writes.
 */
import { mkdir, open, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { redact } from './secrets.ts'
import { codePointBoundary } from './text.ts'

/**
 * Writes the answer under RUNNER_TEMP, named after the project, the scan and the step
 * (GITHUB_ACTION, unique within a job), so that a second gate step in the same job does
 * not overwrite the first one's file; returns its path.
 */
export async function writeResultFile(text: string, projectId: string, scanId: string): Promise<string> {
  const safe = (id: string): string => id.replace(/[^\w.-]+/g, '_').slice(0, 80)
  const step = process.env.GITHUB_ACTION ? `-${safe(process.env.GITHUB_ACTION)}` : ''
  const name = `${safe(projectId)}-${safe(scanId)}${step}.json`
  const path = join(process.env.RUNNER_TEMP || tmpdir(), 'opsmx-ssd-gate', name)
  await mkdir(dirname(path), { recursive: true })
  // An exit: the guarantee for the result file; JSON-escaped forms went at arrival (see secrets.ts).
  await writeInChunks(path, redact(text))
  return path
}

/**
 * Writes a large string through one reused buffer, a megabyte of text at a time: writing
 * it whole, or slice by slice as strings, would allocate a copy of the whole answer.
 */
async function writeInChunks(path: string, text: string): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_CHUNK * 3)
  const file = await open(path, 'w')
  try {
    for (let at = 0; at < text.length;) {
      // Never split a surrogate pair between two chunks.
      const end = codePointBoundary(text, Math.min(text.length, at + WRITE_CHUNK))
      const bytes = buffer.write(text.slice(at, end), 'utf8')
      await file.write(buffer, 0, bytes)
      at = end
    }
  } finally {
    await file.close()
  }
}

const WRITE_CHUNK = 1 << 20

/** The checked-out repository: where relative paths start. */
export function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd()
}

/** Writes the SARIF log where the workflow asked (relative to the workspace); returns the absolute path. */
export async function writeSarifFile(file: string, sarif: object): Promise<string> {
  const path = resolve(workspace(), file)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, redact(JSON.stringify(sarif, null, 2))) // an exit (see secrets.ts)
  return path
}
