/**
 * The report and its escaping, checked on the HTML a GFM renderer makes of it (GitHub
 * renders with cmark-gfm; markdown-it with tables, raw HTML and linkify stands in).
 */
import { describe, expect, test } from '@jest/globals'
import MarkdownIt from 'markdown-it'
import { commentMarker } from '../src/comment.ts'
import { parseCheckRules } from '../src/config.ts'
import { decide } from '../src/decision.ts'
import { policy } from '../test-support/policy.ts'
import { escapeText, safeUrl } from '../src/markdown.ts'
import { renderReport, type ReportContext } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import { EXAMPLE_CONTEXT } from '../test-support/report-context.ts'
import { exampleScan } from '../test-support/ssd-simulator.ts'

const gfm = new MarkdownIt({ html: true, linkify: true })
const marker = commentMarker('0x29ab7', 'sourceScan')
const context: ReportContext = EXAMPLE_CONTEXT
const limits = { maxBytes: 65_000, fullResultsAt: 'the job summary' }

function report(data: unknown[], score = 2.4, threshold = 5): string {
  const scans = parseScans([exampleScan({ metadata: { version: 'v5.3.0', score }, data })])
  return renderReport(scans, decide(scans, policy(threshold)), context, limits)
}

const EVIL = [
  'a | b',
  'line one\nline two\r\n| --- | --- |',
  '`code` ```fence```',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<details open><summary>x</summary>',
  '@octocat and @github/security-team',
  'fixes #1 and GH-2 and org/repo#3',
  '[click](javascript:alert(1)) ![img](https://evil.example/x.png)',
  marker,
  '**bold** _em_ ~~strike~~ \\| escaped pipe',
  '&lt;img src=x&gt; &#64;octocat',
  '&commat;octocat &lt;script&gt; &NewLine;&#x40;x'
]

describe('escaping untrusted scan text', () => {
  const data = EVIL.map((text, i) => ({
    name: `${text} ${i}`,
    score: i % 3,
    reason: text,
    metadata: { url: i % 2 ? 'javascript:alert(1)' : 'https://example.com/a|b (c)' }
  }))
  const markdown = report(data)
  const html = gfm.render(markdown)

  test('the table keeps one row per check, four cells each', () => {
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
    // One header row plus one row per check.
    expect(rows).toHaveLength(1 + EVIL.length)
    for (const row of rows) expect(row.match(/<t[dh][ >]/g)).toHaveLength(4)
  })

  test('no element comes from the data', () => {
    const tags = [...html.matchAll(/<([a-z]+)[\s>]/g)].map((m) => m[1])
    const allowed = new Set([
      'h2',
      'h3',
      'p',
      'strong',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'a',
      'blockquote',
      'sub'
    ])
    expect(tags.filter((tag) => !allowed.has(tag!))).toEqual([])
    expect(html).not.toMatch(/<img|<script|<details|<em>|<code>|<del>|<s>/)
  })

  test('links only to http(s) URLs, never javascript:', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//)
    expect(html).not.toMatch(/href="\s*javascript/i)
  })

  test('no @mention or #reference survives', () => {
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).not.toMatch(/@[A-Za-z0-9]/)
    expect(text).not.toMatch(/#\d/)
    expect(text).not.toMatch(/GH-\d/i)
  })

  test('no hidden-marker look-alike survives: the report has no HTML comment (only the comment carries the marker)', () => {
    expect(markdown).not.toContain(marker)
    expect(markdown).not.toContain('<!--')
  })

  test('text stays readable', () => {
    expect(html).toContain('a | b')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('escapeText and safeUrl', () => {
  test('URLs in text are not autolinked, and issue links are not made', () => {
    const html = gfm.render(
      `| a |\n| --- |\n| ${escapeText('see https://github.com/o/r/issues/1 and www.example.com')} |`
    )
    expect(html).not.toContain('<a ')
    expect(safeUrl('https://github.com/o/r/issues/1')).toBeUndefined()
    expect(safeUrl('https://ghes.example/o/r/pull/2/files')).toBeUndefined()
    expect(safeUrl('https://github.com/ossf/scorecard/blob/main/docs/checks.md#sast')).toBeDefined()
  })

  test('cuts long text', () => {
    expect(escapeText('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`)
  })
  test('safeUrl keeps http(s) only and encodes what would break a cell or a link', () => {
    expect(safeUrl('https://e.example/a|b (c)')).toBe('https://e.example/a%7Cb%20%28c%29')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,x')).toBeUndefined()
    expect(safeUrl('/relative')).toBeUndefined()
  })
})

describe('the report', () => {
  test('worst first: failing by score, then inconclusive, then passing in a details block', () => {
    const markdown = report([
      { name: 'Pass', score: 9 },
      { name: 'Unknown', score: -1 },
      { name: 'Bad', score: 3 },
      { name: 'Worse', score: 0 }
    ])
    const order = ['Worse', 'Bad', 'Unknown', 'Pass'].map((name) => markdown.indexOf(`| ${name} |`))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(markdown).toMatch(/<details><summary>1 check passes \(threshold 5\)<\/summary>[\s\S]*\| Pass \|/)
    expect(markdown).toContain('| ❔ | Unknown | ? |')
  })

  test('1,500 scans stay under the comment limit; the scans left out are counted', () => {
    const scans = parseScans(
      Array.from({ length: 1500 }, (_, i) =>
        exampleScan({ scanName: `tool-${i}`, scanTool: `Tool ${i}`, error: 'e'.repeat(600), metadata: { score: 8 } })
      )
    )
    const markdown = renderReport(scans, decide(scans, policy(5)), context, limits)
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(65_000)
    expect(markdown).toMatch(/[\d,]+ more results and [\d,]+ more scans are not shown here/)
  })

  test('20,000 checks stay under the comment limit, worst kept, the rest counted', () => {
    const data = Array.from({ length: 20_000 }, (_, i) => ({
      name: `Check-${i}`,
      score: i % 11,
      reason: 'r'.repeat(200),
      metadata: { url: `https://example.com/${i}` }
    }))
    const markdown = report(data)
    expect(markdown.length).toBeLessThanOrEqual(65_536)
    const shown = (markdown.match(/^\| [❌✅] \|/gmu) ?? []).length
    expect(shown).toBeGreaterThan(50)
    expect(markdown).toContain(`${(20_000 - shown).toLocaleString('en-US')} more results are not shown here`)
    expect(markdown).toContain('the job summary')
    // Everything shown fails (scores 0..4 come first).
    expect(markdown).not.toContain('| ✅ |')
  })
})

describe("SSD's rating", () => {
  const scans = parseScans([exampleScan({ status: 'highrisk', metadata: { score: 7.5 } })])
  const verdictOf = (markdown: string): string => markdown.split('\n\n')[1] ?? ''

  test("shown in the verdict when SSD gave one, beside the gate's own verdict", () => {
    const markdown = renderReport(scans, decide(scans, policy(5)), { ...context, rating: 'highrisk' }, limits)
    expect(markdown).toMatch(/^## ✅ OpsMx SSD gate passed/)
    expect(verdictOf(markdown)).toMatch(
      /^Score \*\*7\.5\*\* out of 10 meets the threshold.* SSD rates this scan high risk\.$/
    )
  })

  test('absent when SSD gave none', () => {
    const markdown = renderReport(scans, decide(scans, policy(5)), context, limits)
    expect(markdown).not.toContain('SSD rates')
  })
})

describe("the headline's words", () => {
  const checks = (...scores: Array<number>) => scores.map((score, i) => ({ name: `C${i}`, score, reason: '' }))
  const headline = (data: unknown[], score = 6, rules = '') => {
    const scans = parseScans([exampleScan({ metadata: { score }, data })])
    const decision = decide(scans, policy(5, { rules: rules ? parseCheckRules(rules) : [] }))
    return renderReport(scans, decision, context, limits).split('\n\n')[1]
  }

  test('how the checks came out: one, all, none failing beside the inconclusive, some failing', () => {
    expect(headline(checks(9))).toBe('Score **6** out of 10 meets the threshold **5**. The one check passes.')
    expect(headline(checks(9, 8))).toBe('Score **6** out of 10 meets the threshold **5**. All 2 checks pass.')
    expect(headline(checks(9, -1, -1))).toBe(
      'Score **6** out of 10 meets the threshold **5**. No check fails; 2 are inconclusive.'
    )
    expect(headline(checks(1, -1, 9))).toBe(
      'Score **6** out of 10 meets the threshold **5**. 1 of 3 checks fails; 1 is inconclusive.'
    )
    expect(headline(checks(1, 2, 9))).toBe('Score **6** out of 10 meets the threshold **5**. 2 of 3 checks fail.')
    expect(headline([{ x: 'y' }])).toBe('Score **6** out of 10 meets the threshold **5**.')
  })

  test('a score equal to the threshold meets it; no score says there is nothing to gate on', () => {
    expect(headline(checks(9), 5)).toMatch(/^Score \*\*5\*\* out of 10 meets the threshold \*\*5\*\*\./)
    const scans = parseScans([exampleScan({ metadata: {}, data: [] })])
    const text = renderReport(scans, decide(scans, policy(5)), context, limits)
    expect(text.split('\n\n')[1]).toBe('The scan completed without a score, so there is nothing to gate on.')
  })

  test('a rule that names no check is listed under the verdict', () => {
    const scans = parseScans([exampleScan({ metadata: { score: 6 }, data: checks(9) })])
    const decision = decide(scans, policy(5, { rules: parseCheckRules('Nosuch=3') }))
    expect(renderReport(scans, decision, context, limits)).toContain(
      '- ⚠️ checkThresholds names Nosuch=3, but no check in the answer has that name'
    )
  })
})

describe("a scan's tables", () => {
  const render = (data: unknown[], error = '') => {
    const scans = parseScans([exampleScan({ metadata: { score: 6 }, data, error })])
    return renderReport(scans, decide(scans, policy(5)), context, limits)
  }

  test('passing checks are folded only when something else needs attention', () => {
    const allPass = render([{ name: 'A', score: 9, reason: '' }])
    expect(allPass).not.toContain('<details>')
    expect(allPass).toContain('| ✅ | A | 9 |  |')
    const oneFails = render([
      { name: 'A', score: 9, reason: '' },
      { name: 'B', score: 1, reason: '' }
    ])
    expect(oneFails).toContain('<details><summary>1 check passes (threshold 5)</summary>')
  })

  test("an error text is quoted above the tables, unless it is blank; items of no known shape keep four columns of the first twenty's fields", () => {
    expect(render([], 'scanner ran out of memory')).toContain('\n\n> scanner ran out of memory\n\n')
    expect(render([], '   ')).not.toContain('\n> ')
    const items = [{ a: '1' }, ...Array.from({ length: 19 }, () => ({ b: '2' })), { z: 'late' }]
    const text = render(items)
    expect(text).toContain('| a | b |\n| --- | --- |\n| 1 |  |')
    expect(text).not.toContain('| z |')
    expect(render([{ a: '1', b: '2', c: '3', d: '4', e: '5' }])).toContain(
      '| a | b | c | d |\n| --- | --- | --- | --- |\n| 1 | 2 | 3 | 4 |'
    )
  })

  test('findings past the first twenty of a scan fold, least severe last', () => {
    const findings = Array.from({ length: 21 }, (_, i) => ({
      severity: i === 20 ? 'CRITICAL' : 'INFO',
      rule_name: `r${i}`,
      rule_message: 'm'
    }))
    const text = render(findings)
    expect(text).toContain('<details><summary>1 more finding, less severe</summary>')
    expect(text.indexOf('r20')).toBeLessThan(text.indexOf('r0 '))
  })
})

test('the report is within its limit at every size, to the byte, with its final line break', () => {
  const scans = parseScans([
    exampleScan({
      metadata: { score: 2 },
      data: Array.from({ length: 40 }, (_, i) => ({ name: `Check-${i}`, score: i % 10, reason: 'r'.repeat(i) }))
    })
  ])
  const decision = decide(scans, policy(5))
  const full = renderReport(scans, decision, context, limits)
  let shrank = false
  for (let maxBytes = 400; maxBytes <= Buffer.byteLength(full) + 2_000; maxBytes += 37) {
    const text = renderReport(scans, decision, context, { ...limits, maxBytes })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes)
    expect(text.endsWith('\n')).toBe(true)
    if (text.includes('not shown here to stay within')) {
      shrank = true
      const [, count, verb] = /(\d+) more results? (?:and \d+ more scans? )?(is|are) not shown here/.exec(text) ?? []
      expect(verb).toBe(count === '1' && !text.includes('more scan') ? 'is' : 'are')
    }
  }
  expect(shrank).toBe(true)
  // Room held back for the worst case (every table head, the longest note) is handed back: a
  // little over the report's own size is enough for all of it.
  expect(renderReport(scans, decision, context, { ...limits, maxBytes: Buffer.byteLength(full) + 2_000 })).toBe(full)
})
