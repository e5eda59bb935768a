/** Durations as the log and messages show them: `10s`, `0.5s`. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`
}

/** Today in UTC as waivers' end dates are written, e.g. `2026-12-04`. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}
