/**
 * The checkers the properties rely on (test-support/report-checks.ts) say what GitHub's
 * renderer makes of a report: a checker that misreads markdown fails sound reports at
 * random, or passes broken ones.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { decide } from '../src/decision.ts'
import { renderReport, type ReportContext } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import { policy } from '../test-support/policy.ts'
import { propertyParameters } from '../test-support/fast-check.ts'
import { gfmTables } from '../test-support/gfm.ts'
import { reportProblems, tableProblems } from '../test-support/report-checks.ts'

const context: ReportContext = {
  projectId: 'p',
  scanId: 's',
  scanType: 'sourceScan',
  repository: 'r',
  branch: 'b',
  scannedCommit: '',
  warnOnly: false,
  fullListAt: 'the result file'
}
const sound = { marker: '', links: new Set<string>(), secrets: [] }

describe('tables', () => {
  // FC_SEED=20261204 found it: a generic field named `-` makes a head row `| - |`, which the
  // checker took for a delimiter row, and so counted one row fewer than GitHub renders.
  test('cells that look like a delimiter row (`-`, `---`, `:-:`) are cells: only the line after the head is the delimiter', () => {
    const data = [
      { '-': '---', ':-:': ':-:' },
      { '-': '-', ':-:': '---' }
    ]
    const scans = parseScans([{ status: 'Completed', scanName: 'tool', data }])
    const markdown = renderReport(scans, decide(scans, policy(0)), context, { maxBytes: 65_000, fullResultsAt: 'SSD' })
    // The report escapes a cell's leading `-` (it would be a list marker at a line's start)...
    expect(markdown).toContain('| \\- | :-: |\n| --- | --- |\n| \\--- | :-: |\n| \\- | \\--- |')
    expect(reportProblems(markdown, sound)).toEqual([])
    // ...and the same table unescaped is as sound to GitHub: the checker must say so too.
    expect(reportProblems('| - | :-: |\n| --- | --- |\n| --- | :-: |\n| - | --- |\n', sound)).toEqual([])
  })

  test('a row with a cell too many, or a line of text swallowed by the table above, is a problem', () => {
    const table = '| a | b |\n| --- | --- |\n| 1 | 2 |'
    expect(reportProblems(`${table}\n`, sound)).toEqual([])
    expect(reportProblems(`${table}\n| 1 | 2 | 3 |\n`, sound)).toEqual(['a table row of 3 cells under a head of 2'])
    expect(reportProblems(`${table}\ntext\n`, sound)).toEqual(['2 table lines rendered as 3 rows'])
  })

  // A random document found it (FC_SEED=-1338763405): the checker took a no-break space for
  // the padding GFM allows, so a head over '| \u00a0--- |' passed for a table. GFM reads a
  // paragraph; the row counts happened to agree because the table above swallowed a line.
  test('a delimiter row padded with a no-break space is no delimiter row', () => {
    const markdown = '|  |  |  |\n| --- | --- | --- |\na\n\n|  |\n| \u00a0--- |\n'
    expect(gfmTables(markdown)).toHaveLength(1)
    expect(reportProblems(markdown, sound)).toContain('a table head without its delimiter row: "|  |"')
  })

  test('a head whose next line is not a delimiter row is a problem', () => {
    expect(reportProblems('| a | b |\n| - | 1 |\n', sound)).toEqual([
      'a table head without its delimiter row: "| a | b |"',
      '1 table lines rendered as 0 rows'
    ])
  })
})

/**
 * Sound tables as GFM's parser sees them: the lines that start with `|` are exactly its
 * tables' lines (heads, delimiter rows, rows: no row lost, none swallowed), and every row
 * has its head's cells, its last closed by a `|`.
 */
function soundToGfm(markdown: string): boolean {
  const tables = gfmTables(markdown)
  const tableLines = tables.flatMap((table) => [
    table.head.line,
    table.delimiterLine,
    ...table.rows.map((row) => row.line)
  ])
  const pipeLines = markdown.split('\n').flatMap((line, index) => (line.startsWith('|') ? [index] : []))
  const rowsSound = tables.every((table) =>
    [table.head, ...table.rows].every((row) => row.closed && row.cells === table.head.cells)
  )
  return rowsSound && JSON.stringify(tableLines.sort((a, b) => a - b)) === JSON.stringify(pipeLines)
}

/** Cell text, mostly plain, sometimes what tables trip on: pipes, escapes, dashes, colons, code. */
const cellText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', ' ', '-', ':', '---', ':-:', '&', '*', '`') },
      { weight: 1, arbitrary: fc.constantFrom('|', '\\', '\\|', '\\\\', '\\\\|', '<b>', '\t', '\u00a0') }
    ),
    { maxLength: 4 }
  )
  .map((parts) => parts.join(''))
const row = (cells: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(cellText, { minLength: cells, maxLength: cells }),
      fc.oneof(
        { weight: 8, arbitrary: fc.constant('|') },
        { weight: 1, arbitrary: fc.constantFrom('', ' |', '\\|', '| ') }
      )
    )
    .map(([texts, end]) => `|${texts.map((text) => ` ${text} `).join('|')}${end}`)
const delimiterCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(' --- ', ' :-: ', ' ---: ', '-', ':--') },
  { weight: 1, arbitrary: fc.constantFrom('', ' a ', ' -- - ', ' \u00a0--- ', '\t---\t') }
)
const delimiter = (cells: number): fc.Arbitrary<string> =>
  fc.array(delimiterCell, { minLength: cells, maxLength: cells }).map((texts) => `|${texts.join('|')}|`)
/** A table, mostly well made: a head of n cells, a delimiter row and rows of n cells, or not quite. */
const table = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1) }),
    fc.integer({ min: 0, max: 4 })
  )
  .chain(([cells, off, rows]) =>
    fc.tuple(
      row(cells),
      delimiter(Math.max(1, cells + (off > 0 ? off : 0))),
      fc.array(row(Math.max(1, cells + (off < 0 ? off : 0))), { maxLength: rows })
    )
  )
  .map(([head, delimiterRow, rows]) => [head, delimiterRow, ...rows].join('\n'))
/** Tables and text, mostly apart, sometimes run together. */
const document = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 4, arbitrary: table }, { weight: 1, arbitrary: cellText }, { weight: 1, arbitrary: row(2) }),
      fc.oneof({ weight: 4, arbitrary: fc.constant('\n\n') }, { weight: 1, arbitrary: fc.constant('\n') })
    ),
    { minLength: 1, maxLength: 3 }
  )
  .map((blocks) => blocks.map(([block, gap]) => block + gap).join(''))

describe("the table checker agrees with GFM's parser", () => {
  test("on generated tables and text: no problem exactly when GFM finds every table line a row of its head's cells", () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const problems = tableProblems(markdown)
        expect({ markdown, sound: problems.length === 0 }).toEqual({ markdown, sound: soundToGfm(markdown) })
      }),
      propertyParameters(300)
    )
  })
})
