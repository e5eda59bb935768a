/**
 * GitHub's markdown, as the tests read it: micromark with its GFM extensions, which follow
 * cmark-gfm (GitHub's renderer) where markdown-it does not (a `\\|` in a table cell, `~x~`
 * strikethrough, which bare URLs are links). Raw HTML passes through, as GitHub lets it
 * before its sanitiser, so a check sees any the report lets in.
 */
import { micromark, parse, postprocess, preprocess } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true })
}

/** A table row as GFM parses it: its line (0-based), its cells, and whether a `|` ends its last. */
export interface GfmRow {
  line: number
  cells: number
  closed: boolean
}

/** A table as GFM parses it: its head row, the delimiter row's line, its body rows. */
export interface GfmTable {
  head: GfmRow
  delimiterLine: number
  rows: GfmRow[]
}

/** The tables GFM finds in `markdown`, from the parser's own events. */
export function gfmTables(markdown: string): GfmTable[] {
  const events = postprocess(
    parse({ extensions: [gfm()] })
      .document()
      .write(preprocess()(markdown, undefined, true))
  )
  const tables: GfmTable[] = []
  let table: Partial<GfmTable> & { rows: GfmRow[] } = { rows: [] }
  let row: GfmRow | undefined
  let lastDividerEnd = -1
  for (const [kind, token] of events) {
    // The table's token types are declared by micromark-extension-gfm-table, not a dependency of ours.
    const type: string = token.type
    if (kind === 'enter' && type === 'table') table = { rows: [] }
    else if (kind === 'exit' && type === 'table') tables.push(table as GfmTable)
    else if (type === 'tableDelimiterRow' && kind === 'enter') table.delimiterLine = token.start.line - 1
    else if (type === 'tableRow' && kind === 'enter') row = { line: token.start.line - 1, cells: 0, closed: false }
    else if (type === 'tableRow' && kind === 'exit' && row) {
      row.closed = lastDividerEnd === token.end.offset
      if (table.head) table.rows.push(row)
      else table.head = row
      row = undefined
    } else if (row && kind === 'enter' && (type === 'tableHeader' || type === 'tableData')) row.cells++
    else if (row && kind === 'exit' && type === 'tableCellDivider') lastDividerEnd = token.end.offset
  }
  return tables
}
