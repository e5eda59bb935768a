/**
 * PLACEHOLDER on main until the waivers module lands: the types the decision and the
 * report take. Replaced by the real module (parse, validate, match) when it is merged.
 */
import type { Check, Finding, Scan } from './scans.ts'

export interface Waiver {
  entry: number
  line: number
  rule?: string
  check?: string
  path?: string
  tool?: string
  reason: string
  expires: string
  approvedBy?: string
}

export type Waived =
  | { kind: 'finding'; scan: Scan; finding: Finding; waiver: Waiver }
  | { kind: 'check'; scan: Scan; check: Check; waiver: Waiver }

export interface WaiverOutcome {
  waived: Waived[]
  expired: Waiver[]
  expiring: Array<{ waiver: Waiver; daysLeft: number }>
  unused: Waiver[]
}
