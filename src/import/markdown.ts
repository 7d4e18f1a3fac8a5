/**
 * Markdown → Lexical through Payload's own converter. That converter reads the source one line
 * at a time and understands a smaller dialect than CommonMark/GFM, so the source is first
 * rewritten into that dialect, and what the article editor cannot hold is taken out (and counted).
 */
import {
  convertMarkdownToLexical,
  extractFrontmatter,
  type SanitizedServerEditorConfig,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { QUOTE, type Transformer } from '@payloadcms/richtext-lexical/lexical/markdown'
import { QuoteNode } from '@payloadcms/richtext-lexical/lexical/rich-text'

import { repairMixedListNesting } from './listNesting'
import type { ImportWarnings } from './warnings'

type MarkdownStep = (lines: string[], warnings: ImportWarnings) => string[]

const LIST_INDENT = '    ' // Payload's list transformer counts one nesting level per 4 spaces.
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/
const IMAGE_WITH_SPACE_AROUND = /( ?)(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)( ?)/gi
const LINK_DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/
const REFERENCE_LINK = /(?<!!)\[([^\]]+)\](?:\[([^\]]*)\])?(?![(:[])/g
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/g
const HTML_COMMENT = /<!--[\s\S]*?-->/g
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g
const INLINE_CODE = /(`+)(?!`)(.+?)(?<!`)\1(?!`)/g
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|>|[-*+]\s|\d{1,9}[.)]\s|\|)/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)]) +(.*)$/
const QUOTE_LINE = /^ {0,3}> ?(.*)$/

function isBlank(line: string): boolean {
  return line.trim() === ''
}

/** Indentation decides list nesting below; a tab counts as one list level, like 4 spaces. */
function expandLeadingTabs(lines: string[]): string[] {
  return lines.map((line) => line.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, LIST_INDENT)))
}

function dropFrontMatter(lines: string[], warnings: ImportWarnings): string[] {
  const { content, frontmatter } = extractFrontmatter(lines.join('\n'))
  if (!frontmatter) return lines
  warnings.add('frontMatter')
  return content.split('\n')
}

/** Drops fenced code (the editor has no code block), leaving a blank line so the text around stays apart. */
function dropFencedCodeBlocks(lines: string[], warnings: ImportWarnings): string[] {
  const kept: string[] = []
  let openFence: string | undefined
  for (const line of lines) {
    if (openFence !== undefined) {
      if (closesFence(line, openFence)) openFence = undefined
      continue
    }
    const fence = FENCE_OPEN.exec(line)?.[1]
    if (fence) {
      openFence = fence
      warnings.add('codeBlock')
      kept.push('')
    } else {
      kept.push(line)
    }
  }
  return kept
}

function closesFence(line: string, openFence: string): boolean {
  const trimmed = line.trim()
  return trimmed.length >= openFence.length && trimmed === openFence.charAt(0).repeat(trimmed.length)
}

/**
 * Images need a Media document, which a pure conversion cannot create (linked images go too).
 * An image between words takes one of the spaces around it along.
 */
function dropImages(lines: string[], warnings: ImportWarnings): string[] {
  return lines.map((line) =>
    line.replace(IMAGE_WITH_SPACE_AROUND, (_image, before: string, after: string) => {
      warnings.add('image')
      return before && after ? ' ' : ''
    }),
  )
}

function linkLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Payload only reads inline links: `[text][label]`, `[text][]` and `[label]` become
 * `[text](url)` when a `[label]: url` definition exists, and the definitions go.
 */
function inlineReferenceLinks(lines: string[]): string[] {
  const urls = new Map<string, string>()
  const text = lines.filter((line) => {
    const definition = LINK_DEFINITION.exec(line)
    if (definition?.[1] && definition[2]) urls.set(linkLabel(definition[1]), definition[2])
    return !definition
  })
  if (urls.size === 0) return lines
  return text.map((line) =>
    line.replace(REFERENCE_LINK, (reference, linkText: string, label?: string) => {
      const url = urls.get(linkLabel(label || linkText))
      return url ? `[${linkText}](${url})` : reference
    }),
  )
}

/** `<https://…>` would otherwise be read as an HTML tag; Payload's link transformer knows `[text](url)`. */
function autolinksToLinks(lines: string[]): string[] {
  return lines.map((line) => line.replace(AUTOLINK, '[$1]($1)'))
}

/** Keeps the text of inline HTML, not the markup; comments are invisible in Markdown and go silently. */
function stripHtml(lines: string[], warnings: ImportWarnings): string[] {
  const text = lines.join('\n').replace(HTML_COMMENT, '')
  const stripped = text.replace(HTML_TAG, '')
  if (stripped !== text) warnings.add('rawHtml')
  return stripped.split('\n')
}

/** The editor has no code formatting: keep the text, as the HTML import does for <code>. */
function unwrapInlineCode(lines: string[], warnings: ImportWarnings): string[] {
  return lines.map((line) =>
    line.replace(INLINE_CODE, (_span, _ticks: string, code: string) => {
      warnings.add('textFormat')
      return code.trim()
    }),
  )
}

/** Payload only reads `#` headings; a title underlined with `===` must not go missing. */
function setextToAtxHeadings(lines: string[]): string[] {
  const result: string[] = []
  for (const line of lines) {
    const underline = SETEXT_UNDERLINE.exec(line)?.[1]
    const previous = result.at(-1)
    if (underline && previous !== undefined && !isBlank(previous) && !BLOCK_START.test(previous)) {
      const marker = underline.startsWith('=') ? '#' : '##'
      result[result.length - 1] = `${marker} ${previous.trim()}`
    } else {
      result.push(line)
    }
  }
  return result
}

/** Payload's horizontal rule transformer only knows `---`. */
function normalizeThematicBreaks(lines: string[]): string[] {
  return lines.map((line) => (THEMATIC_BREAK.test(line) ? '---' : line))
}

/**
 * Payload nests a list item one level per 4 spaces, while Markdown nests an item under the
 * previous one when it starts at or past that item's text (2 spaces after `- `, 3 after `1. `).
 * Rewrites every item with the indentation Payload expects (and `1)` as `1.`, which it knows).
 */
function normalizeListIndentation(lines: string[]): string[] {
  const enclosingTextColumns: number[] = []
  return lines.map((line) => {
    const item = LIST_ITEM.exec(line)
    if (!item) {
      const endsLists = !isBlank(line) && !line.startsWith(' ')
      if (endsLists) enclosingTextColumns.length = 0
      return line
    }
    const [, indent = '', marker = '', text = ''] = item
    while (enclosingTextColumns.length > 0 && indent.length < (enclosingTextColumns.at(-1) ?? 0)) {
      enclosingTextColumns.pop()
    }
    const depth = enclosingTextColumns.length
    enclosingTextColumns.push(line.length - text.length)
    return `${LIST_INDENT.repeat(depth)}${marker.replace(')', '.')} ${text}`
  })
}

/**
 * One quote line per paragraph of the quote: wrapped lines are joined with a space, as Markdown
 * reads them, and the `>` lines between paragraphs go (the quote transformer breaks the line).
 */
function joinQuoteParagraphs(lines: string[]): string[] {
  const result: string[] = []
  let continuesQuoteParagraph = false
  for (const line of lines) {
    const quoted = QUOTE_LINE.exec(line)
    if (!quoted) {
      result.push(line)
      continuesQuoteParagraph = false
      continue
    }
    const text = quoted[1]?.trim() ?? ''
    if (text === '') {
      continuesQuoteParagraph = false
    } else if (continuesQuoteParagraph) {
      result[result.length - 1] += ` ${text}`
    } else {
      result.push(`> ${text}`)
      continuesQuoteParagraph = true
    }
  }
  return result
}

/** In order: code first, so that nothing inside it is rewritten; headings before rules (both use `---`). */
const MARKDOWN_STEPS: MarkdownStep[] = [
  expandLeadingTabs,
  dropFrontMatter,
  dropFencedCodeBlocks,
  dropImages,
  inlineReferenceLinks,
  autolinksToLinks,
  stripHtml,
  unwrapInlineCode,
  setextToAtxHeadings,
  normalizeThematicBreaks,
  normalizeListIndentation,
  joinQuoteParagraphs,
]

function prepareMarkdown(source: string, warnings: ImportWarnings): string {
  const lines = source.split(/\r\n?|\n/)
  return MARKDOWN_STEPS.reduce((current, step) => step(current, warnings), lines).join('\n')
}

function isBlockquoteTransformer(transformer: Transformer): boolean {
  return transformer.type === 'element' && transformer.dependencies.includes(QuoteNode)
}

/** Text-format transformers are tried in list order, so `**` would win over `***` and leave stray stars. */
function longestTagFirst(transformers: Transformer[]): Transformer[] {
  const tagLength = (transformer: Transformer) => (transformer.type === 'text-format' ? transformer.tag.length : 0)
  return [...transformers].sort((a, b) => tagLength(b) - tagLength(a))
}

/**
 * Payload's blockquote transformer glues consecutive `>` lines together without a break;
 * Lexical's own QUOTE transformer puts a line break between them.
 */
function importTransformers(transformers: Transformer[]): Transformer[] {
  const withLexicalQuote = transformers.map((transformer) =>
    isBlockquoteTransformer(transformer) ? QUOTE : transformer,
  )
  return longestTagFirst(withLexicalQuote)
}

export function markdownToEditorState(
  source: string,
  editorConfig: SanitizedServerEditorConfig,
  warnings: ImportWarnings,
): SerializedEditorState {
  const markdown = prepareMarkdown(source, warnings)
  const features = {
    ...editorConfig.features,
    markdownTransformers: importTransformers(editorConfig.features.markdownTransformers),
  }
  const state = convertMarkdownToLexical({ editorConfig: { ...editorConfig, features }, markdown })
  repairMixedListNesting(state.root)
  return state
}
