/**
 * Untrusted text made inert (src/markdown.ts), read back through GitHub's renderer
 * (test-support/gfm.ts): what a reader sees is the text, with nothing live in it.
 */
import { beforeAll, describe, expect, jest, test } from '@jest/globals'
import { decide } from '../src/decision.ts'
import { commitLink, escapeText, linkOrText, safeUrl, shownScore } from '../src/markdown.ts'
import { renderReport } from '../src/report.ts'
import { parseScans } from '../src/scans.ts'
import { addSecret } from '../src/secrets.ts'
import { renderGfm } from '../test-support/gfm.ts'
import { policy } from '../test-support/policy.ts'

/** The HTML a paragraph of `markdown` renders to, without the paragraph's own tags. */
const rendered = (markdown: string): string => renderGfm(markdown).replace(/^<p>|<\/p>\n?$/g, '')

describe('escapeText', () => {
  // Random answers found it: GFM links `+@.A` as an e-mail address, the `@` followed by a dot.
  test.each(['+@.A', 'x@.example.com', 'a.b@-c.d', 'user@example.com', 'me@_x.io'])(
    '%j: no e-mail link, and the text as it was',
    (text) => {
      const html = rendered(escapeText(text))
      expect(html).not.toContain('<a')
      expect(html.replace(/\u200b/g, '')).toBe(text)
    }
  )
})

describe('escapeText at the start of a line', () => {
  // A list marker, or a line of `=` or `-` under a paragraph's line (which makes that line a
  // heading): escaped, so the text stays a line of the paragraph, as it was.
  test.each(['=', '===', '-', '--', '- - -', '- x', '+ x', '+', '1. x', '1) x', '1.', '123456789) x'])(
    '%j stays text',
    (text) => {
      expect(renderGfm(`para\n${escapeText(text)}`).trimEnd()).toBe(`<p>para\n${text}</p>`)
      expect(renderGfm(escapeText(text)).trimEnd()).toBe(`<p>${text}</p>`)
    }
  )

  test.each(['-x', 'a - b', '1.2.3', '12.5 x', '=x', '1234567890. x'])(
    '%j needs no escape there, and gets none',
    (text) => {
      expect(escapeText(text)).toBe(text)
    }
  )

  // The properties found it: a caveat of `=` under the alert's `> [!WARNING]` made that line
  // a heading.
  test('a caveat of `=` is a line of the warning, not a heading', () => {
    const scans = parseScans([{ status: 'Completed' }])
    const context = {
      projectId: ' ',
      scanId: ' ',
      scanType: 'sourceScan',
      repository: ' ',
      branch: ' ',
      scannedCommit: '',
      caveat: '=',
      fullListAt: 'the result file',
      warnOnly: false
    }
    const report = renderReport(scans, decide(scans, policy(0)), context, { maxBytes: 65_000, fullResultsAt: 'SSD' })
    const html = renderGfm(report)
    expect(html).not.toMatch(/<h1/)
    expect(html).toContain('<blockquote>\n<p>[!WARNING]\n=</p>\n</blockquote>')
  })
})

describe('escapeText: what it breaks up', () => {
  test.each([
    ['#12', '\\#\u200b12'],
    ['#x', '\\#x'],
    ['@octocat', '@\u200boctocat'],
    ['a @ b', 'a @ b'],
    ['GH-7', 'GH\u200b-7'],
    ['ftp://x.org', 'ftp:\u200b//x.org'],
    ['http://x.org', 'http:\u200b//x.org'],
    ['a & b <i> c', 'a &amp; b &lt;i&gt; c'],
    ['  two\n\t lines \r\n ', 'two lines'],
    ['a\u0000\u0085b', 'a b']
  ])('%j: %j', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped)
  })
})

describe('safeUrl', () => {
  const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  beforeAll(() => {
    // Registering a secret prints the runner's ::add-mask:: command: not into the test log.
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    addSecret('s3cret-x')
    addSecret('x%41y')
    write.mockRestore()
  })

  test.each([
    ['http://example.com/a', 'http://example.com/a'],
    ['https://example.com/a', 'https://example.com/a'],
    // Whitespace the URL parser would not take is trimmed first.
    ['\u00a0https://example.com/\u2028', 'https://example.com/'],
    ['https://example.com/a(b)|c', 'https://example.com/a%28b%29%7Cc'],
    ['https://github.com/o/r/blob/main/issues/1', 'https://github.com/o/r/blob/main/issues/1'],
    [`https://example.com/${'a'.repeat(1980)}`, `https://example.com/${'a'.repeat(1980)}`]
  ])('%j links to %j', (url, href) => {
    expect(safeUrl(url)).toBe(href)
  })

  test.each([
    ['ftp://example.com/'],
    ['javascript:alert(1)'],
    ['https://user@example.com/'],
    ['https://:pass@example.com/'],
    [`https://example.com/${'a'.repeat(1981)}`],
    ['https://github.com/octo-org/octo-repo/issues/1'],
    ['https://github.com/octo-org/octo-repo/pull/22/files'],
    ['https://github.com/o/r/discussions/3'],
    // A secret, as it is, or percent-encoded in another way than encodeURIComponent's.
    ['https://example.com/?t=s3cret-x'],
    ['https://example.com/?t=%73%33cret-x'],
    ['https://example.com/x%41y']
  ])('%j is not linked', (url) => {
    expect(safeUrl(url)).toBeUndefined()
  })

  test('linkOrText: a link when the URL is safe, the text alone when not', () => {
    expect(linkOrText('a_b', 'https://example.com/')).toBe('[a\\_b](https://example.com/)')
    expect(linkOrText('a_b', 'javascript:x')).toBe('a\\_b')
  })

  test('commitLink: the short SHA, linked when the repository is known', () => {
    expect(commitLink(SHA, 'https://github.com/o/r')).toBe(`[a1b2c3d](https://github.com/o/r/commit/${SHA})`)
    expect(commitLink(SHA, undefined)).toBe('a1b2c3d')
  })
})

describe('shownScore', () => {
  test('as SSD wrote it up to 20 characters; rounded past that', () => {
    expect(shownScore('2.40', 2.4)).toBe('2.40')
    expect(shownScore('1.000000000000000000', 1)).toBe('1.000000000000000000')
    expect(shownScore('3.3333333333333334e-8', 3.3333333333333334e-8)).toBe('3.33333e-8')
    // Rounded to exactly 20 characters it still shows in full; at 21 it becomes an exponent.
    expect(shownScore('10000000000000000000.0', 1e19)).toBe('10000000000000000000')
    expect(shownScore('100000000000000000000.0', 1e20)).toBe('1.0000e+20')
  })

  test('an ampersand is written as an entity, so it can never start one', () => {
    expect(escapeText('R&D &amp; more', 100)).toBe('R&amp;D &amp;amp; more')
  })
})
