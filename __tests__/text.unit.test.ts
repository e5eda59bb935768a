import { describe, expect, test } from '@jest/globals'
import { escapeText } from '../src/markdown.ts'
import { characterBoundary, codePointBoundary, cutText, oneLine } from '../src/text.ts'

const EMOJI = '😀' // two UTF-16 units
const FAMILY = '👩‍👩‍👧‍👦' // four emoji joined by ZWJs: one character on screen
const E_ACUTE = 'e\u0301' // e + combining acute accent

describe('cutText', () => {
  test('text within the length is returned as it is', () => {
    expect(cutText('abc', 3)).toBe('abc')
  })

  test('a cut that would split a surrogate pair falls before the pair', () => {
    const text = `${'a'.repeat(9)}${EMOJI}tail`
    // 10 units: 9 letters and the ellipsis; the emoji would take units 10 and 11.
    const cut = cutText(text, 11)
    expect(cut).toBe(`${'a'.repeat(9)}…`)
    expect(cut.isWellFormed()).toBe(true)
  })

  test('a letter keeps its combining mark, a joined emoji stays whole', () => {
    expect(cutText(`abc${E_ACUTE}xyz`, 5)).toBe('abc…')
    expect(cutText(`ab${FAMILY}xyz`, 9)).toBe('ab…')
    expect(cutText(`ab${FAMILY}xyz`, 2 + FAMILY.length + 1)).toBe(`ab${FAMILY}…`)
  })

  test('the result never exceeds maxLength, ellipsis included', () => {
    for (let max = 0; max < 30; max++) {
      const cut = cutText(`${EMOJI}${E_ACUTE}${FAMILY}`.repeat(3), max)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(cut.isWellFormed()).toBe(true)
    }
  })
})

describe('oneLine', () => {
  test('every run of white space and control characters is one space, trimmed', () => {
    expect(oneLine('  a\r\n\tb \u0000\u001b[31m c\u0085::error::d\u009f ', 80)).toBe('a b [31m c ::error::d')
    expect(oneLine('\n\t ', 80)).toBe('')
  })

  test('a lone surrogate becomes a replacement character; a long text is cut at a character with an ellipsis', () => {
    expect(oneLine('x\ud800y', 80)).toBe('x\ufffdy')
    expect(oneLine('abcdef', 4)).toBe('abc…')
    expect(oneLine('abc😀def', 5)).toBe('abc…')
    expect(oneLine('abcd', 4)).toBe('abcd')
  })
})

describe('characterBoundary', () => {
  test('a cluster longer than the window is cut at a code point, not dropped whole', () => {
    const zalgo = `x${'a'}${'\u0301'.repeat(200)}`
    expect(characterBoundary(zalgo, 150)).toBe(150)
  })

  test('codePointBoundary steps back only from between a pair', () => {
    expect(codePointBoundary(`a${EMOJI}`, 2)).toBe(1)
    expect(codePointBoundary(`a${EMOJI}`, 1)).toBe(1)
    expect(codePointBoundary(`a${EMOJI}`, 3)).toBe(3)
  })
})

describe('escapeText', () => {
  test('cuts on a character boundary and mends a lone surrogate from the answer', () => {
    const escaped = escapeText(`${'a'.repeat(299)}${EMOJI}`, 300)
    expect(escaped).toBe(`${'a'.repeat(299)}…`)
    expect(escapeText('broken \ud83d here')).toBe('broken \ufffd here')
  })
})

test('a URL, www. or GH- reference right after _ * ~ or ( is broken up too: GFM autolinks there', () => {
  for (const before of ['_', '*', '~', '(', 'x']) {
    const escaped = escapeText(`${before}https://github.com/o/r/issues/1 ${before}www.example.com ${before}GH-2`)
    expect(escaped).toContain('https:\u200b//')
    expect(escaped).toContain('www\u200b.')
    expect(escaped).toContain('GH\u200b-2')
  }
})
