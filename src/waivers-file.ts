/**
 * PLACEHOLDER on main until the waivers module lands: the read's interface, reading nothing.
 */
import type { Scan } from './scans.ts'
import type { Waiver, WaiverOutcome } from './waivers.ts'

export interface WaiversSource {
  path: string
  githubToken: string
  apiUrl: string
  owner: string
  repo: string
  ref: string
  baseRef?: string
  signal: AbortSignal
  log: { info(line: string): void; warning(line: string): void }
}

export interface Waivers {
  file: string
  entries: Waiver[]
  addedByPullRequest: Waiver[]
  apply(scans: Scan[], today: string): WaiverOutcome
  notes(outcome: WaiverOutcome): Array<{ level: 'warning' | 'notice'; text: string }>
}

export async function readWaivers(source: WaiversSource): Promise<Waivers> {
  return {
    file: source.path,
    entries: [],
    addedByPullRequest: [],
    apply: () => ({ waived: [], expired: [], expiring: [], unused: [] }),
    notes: () => []
  }
}
