/**
 * Untrusted text made inert (src/markdown.ts), read back through GitHub's renderer
 * (test-support/gfm.ts): what a reader sees is the text, with nothing live in it.
 */
import { describe, expect, test } from '@jest/globals'
import { escapeText } from '../src/markdown.ts'
import { renderGfm } from '../test-support/gfm.ts'

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
