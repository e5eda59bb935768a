/**
 * What must hold of every report the action writes, whatever the answer held: it fits
 * GitHub's limit, every table row has its table's number of cells, rendering it makes no
 * HTML, link, mention or issue reference the report did not mean to, no character is
 * broken, and no form of the token is in it. Each check returns its problems, none when
 * the report is sound, so a failing property says what broke.
 */
import { renderGfm } from './gfm.ts'

/** The elements the report itself writes; anything else came from the answer. */
const REPORT_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'sub',
  'strong',
  'em',
  'a',
  'blockquote',
  'ul',
  'li',
  'br',
  'code'
])

/** The emphasis the report writes itself: a broken rule, a score, and the heads of its own sentences. */
const REPORT_EMPHASIS =
  /^(rule |-?[\d.]+(e[+-]?\d+)?$|[\d,]+ findings?$|Against |[\d,]+ checks? scored lower than on |[\d,]+ findings? new in this pull request$|Inconclusive$|Waived$)/

export interface ReportExpectations {
  /** The hidden marker the report starts with (a comment), or '' for none (a summary, the `report` output). */
  marker: string
  /** The links the report means to make (a check's documentation, the run, a commit). */
  links: Set<string>
  /** Where the links it means to make to files start (`{repository}/blob/{commit}/`). */
  linkPrefixes?: string[]
  /** Forms of the secret that must not appear. */
  secrets: string[]
}

export function reportProblems(markdown: string, expected: ReportExpectations): string[] {
  const problems: string[] = []
  if (!markdown.isWellFormed()) problems.push('a broken character (lone surrogate)')
  if (markdown.length > 65_536 || [...markdown].length > 65_536) {
    problems.push(`${markdown.length} UTF-16 units, over GitHub's 65,536 characters`)
  }
  for (const secret of expected.secrets) if (markdown.includes(secret)) problems.push(`the secret (${secret})`)
  if (expected.marker && (!markdown.startsWith(expected.marker) || markdown.split(expected.marker).length !== 2)) {
    problems.push('the marker is not the start, or appears again')
  }
  const html = renderGfm(markdown)
  problems.push(...tableProblems(markdown, html))
  // The marker is the one HTML comment; markdown-it passes it through.
  const body = expected.marker ? html.replace(expected.marker, '') : html
  if (body.includes('<!--')) problems.push('an HTML comment besides the marker')
  for (const [, tag = ''] of body.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) {
    if (!REPORT_TAGS.has(tag.toLowerCase())) problems.push(`an element the report does not make: <${tag}>`)
  }
  for (const [, content = ''] of body.matchAll(/<strong>([\s\S]*?)<\/strong>/g)) {
    if (!REPORT_EMPHASIS.test(content)) problems.push(`emphasis the report does not make: ${content}`)
  }
  for (const [, content = ''] of body.matchAll(/<em>([\s\S]*?)<\/em>/g)) {
    if (content !== 'No results in this scan.') problems.push(`emphasis the report does not make: ${content}`)
  }
  for (const [, href = '', label = ''] of body.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const url = decodeEntities(href)
    const meant = expected.links.has(url) || (expected.linkPrefixes ?? []).some((prefix) => url.startsWith(prefix))
    if (!meant) problems.push(`a link the report does not make: ${url} (${decodeEntities(label)})`)
  }
  const text = decodeEntities(body.replace(/<[^>]*>/g, ''))
  const mention = /@[\w-]/.exec(text)
  if (mention) problems.push(`a live mention near ${JSON.stringify(around(text, mention.index))}`)
  const reference = /#\d|\bGH-\d/i.exec(text)
  if (reference) problems.push(`a live issue reference near ${JSON.stringify(around(text, reference.index))}`)
  return problems
}

/**
 * A table as the report writes it: a block of lines that start with `|`, whose first line
 * is the head and whose second, and only the second, is the delimiter row. Every other
 * line is a row, whatever its cells hold (a row whose cells are `-` or `:-:` is a row).
 */
interface SourceTable {
  /** The head's line, 0-based. */
  line: number
  head: string
  delimiter: string | undefined
  rows: string[]
}

/** The tables of `markdown`, read line by line as their author meant them. */
export function sourceTables(markdown: string): SourceTable[] {
  const tables: SourceTable[] = []
  let table: SourceTable | undefined
  markdown.split('\n').forEach((text, line) => {
    if (!text.startsWith('|')) table = undefined
    else if (!table) tables.push((table = { line, head: text, delimiter: undefined, rows: [] }))
    else if (table.delimiter === undefined) table.delimiter = text
    else table.rows.push(text)
  })
  return tables
}

/**
 * A row's cells, split as GFM splits them: at each `|` that is not backslash-escaped (GFM
 * reads `\|` as a pipe in the cell, `\\` as a backslash); the leading and trailing pipes
 * open and close the row.
 */
export function cellCount(row: string): number {
  return [...row.matchAll(/\\.|\|/g)].filter(([match]) => match === '|').length - 1
}

/**
 * A delimiter row: cells of dashes, each with an optional colon either side. Only spaces and
 * tabs may pad them, as GFM reads it (JavaScript's `\s` takes a no-break space too).
 */
const DELIMITER_ROW = /^\|([ \t]*:?-+:?[ \t]*\|)+[ \t]*$/

/**
 * Every row of a table has the number of cells its head has, the line after the head is
 * its delimiter row, and rendering makes one table row of each head and row, no more.
 */
export function tableProblems(markdown: string, html = renderGfm(markdown)): string[] {
  const problems: string[] = []
  const tables = sourceTables(markdown)
  for (const { head, delimiter, rows } of tables) {
    const cells = cellCount(head)
    if (delimiter === undefined || !DELIMITER_ROW.test(delimiter) || cellCount(delimiter) !== cells) {
      problems.push(`a table head without its delimiter row: ${JSON.stringify(head)}`)
    }
    for (const row of [head, ...rows]) {
      if (cellCount(row) !== cells) problems.push(`a table row of ${cellCount(row)} cells under a head of ${cells}`)
      if (!/(^|[^\\])(\\\\)*\|$/.test(row)) problems.push('a table row that does not end its last cell')
    }
  }
  const rendered = (html.match(/<tr>/g) ?? []).length
  const sourceRows = tables.reduce((sum, table) => sum + 1 + table.rows.length, 0)
  if (rendered !== sourceRows) problems.push(`${sourceRows} table lines rendered as ${rendered} rows`)
  return problems
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 20), index + 20)
}
