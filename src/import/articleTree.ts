/**
 * Fits a converted Lexical tree to the article: the first H1 becomes the title, and the rest is
 * reshaped to what articleEditorFeatures offers. Works on the JSON, so Markdown and HTML imports
 * go through the same rules.
 */
import {
  sanitizeUrl,
  TEXT_TYPE_TO_FORMAT,
  type SerializedHeadingNode,
  type SerializedLineBreakNode,
  type SerializedLinkNode,
  type SerializedParagraphNode,
  type SerializedQuoteNode,
  type SerializedTableCellNode,
  type SerializedTableRowNode,
  type SerializedTextNode,
} from '@payloadcms/richtext-lexical'
import type { SerializedLexicalNode, SerializedRootNode } from '@payloadcms/richtext-lexical/lexical'

import { isNode, isParent } from './lexicalJson'
import type { ImportWarnings } from './warnings'

/** The text formats of articleEditorFeatures: bold, italic, underline, strikethrough. */
const ARTICLE_TEXT_FORMATS =
  TEXT_TYPE_TO_FORMAT.bold |
  TEXT_TYPE_TO_FORMAT.italic |
  TEXT_TYPE_TO_FORMAT.underline |
  TEXT_TYPE_TO_FORMAT.strikethrough

/** Lexical's TableCellHeaderStates.ROW: the cell heads its column, as in a <thead> row. */
const HEADER_ROW_STATE = 1

function plainText(node: SerializedLexicalNode): string {
  if (isNode(node, 'text')) return node.text
  if (isNode(node, 'linebreak')) return ' '
  return isParent(node) ? node.children.map(plainText).join('') : ''
}

function isEmptyParagraph(node: SerializedLexicalNode): boolean {
  return isNode(node, 'paragraph') && plainText(node).trim() === ''
}

/**
 * Removes the first top-level H1 and returns its text (whitespace collapsed), or undefined
 * when the document has none.
 */
export function takeTitle(root: SerializedRootNode): string | undefined {
  const index = root.children.findIndex((node) => isNode(node, 'heading') && node.tag === 'h1')
  const [heading] = index === -1 ? [] : root.children.splice(index, 1)
  return heading && plainText(heading).replace(/\s+/g, ' ').trim()
}

function fitHeading(heading: SerializedHeadingNode, warnings: ImportWarnings): void {
  if (heading.tag === 'h1') {
    warnings.add('extraTitle')
    heading.tag = 'h2'
  } else if (heading.tag === 'h5' || heading.tag === 'h6') {
    warnings.add('deepHeading')
    heading.tag = 'h4'
  }
}

/** Code, sub/superscript, highlight and inline styles (colours) have no button in the article editor. */
function fitText(text: SerializedTextNode, warnings: ImportWarnings): void {
  if ((text.format & ~ARTICLE_TEXT_FORMATS) !== 0 || text.style !== '') warnings.add('textFormat')
  text.format &= ARTICLE_TEXT_FORMATS
  text.style = ''
}

/** A link whose address Payload's editor would not accept keeps its text and loses the link. */
function fitLink(link: SerializedLinkNode, warnings: ImportWarnings): SerializedLexicalNode[] {
  const url = link.fields.url?.trim() ?? ''
  if (url !== '' && sanitizeUrl(url) === url) return [link]
  // An <a> without href is an anchor, not a link the writer would miss.
  if (url !== '') warnings.add('unsafeLink')
  return link.children
}

function lineBreak(): SerializedLineBreakNode {
  return { type: 'linebreak', version: 1 }
}

/**
 * The Markdown import puts a quote's lines straight into the quote, separated by line breaks;
 * the HTML import nests <p> elements. Both end up as the Markdown shape, which the editor makes.
 */
function flattenQuote(quote: SerializedQuoteNode): void {
  quote.children = quote.children.flatMap((child, index) => {
    const inline = isNode(child, 'paragraph') ? child.children : [child]
    const startsNewParagraph = index > 0 && isNode(child, 'paragraph')
    return startsNewParagraph ? [lineBreak(), ...inline] : inline
  })
}

/** GFM cells keep the spaces around `|`; a cell's text should start and end with its words. */
function trimCellParagraph(paragraph: SerializedParagraphNode): void {
  const first = paragraph.children.at(0)
  const last = paragraph.children.at(-1)
  if (first && isNode(first, 'text')) first.text = first.text.trimStart()
  if (last && isNode(last, 'text')) last.text = last.text.trimEnd()
  paragraph.children = paragraph.children.filter((child) => !isNode(child, 'text') || child.text !== '')
}

/**
 * A row of header cells is a header row. Lexical also marks the first <th> of an HTML table
 * as a column header, which the Markdown import (and the editor's own header row) never does.
 */
function fitTableRow(row: SerializedTableRowNode): void {
  const cells = row.children.filter((child): child is SerializedTableCellNode => isNode(child, 'tablecell'))
  if (cells.length > 0 && cells.every((cell) => cell.headerState !== 0)) {
    for (const cell of cells) cell.headerState = HEADER_ROW_STATE
  }
  for (const cell of cells) {
    for (const child of cell.children) if (isNode(child, 'paragraph')) trimCellParagraph(child)
  }
}

function sameTextStyle(a: SerializedTextNode, b: SerializedTextNode): boolean {
  return a.format === b.format && a.style === b.style && a.mode === b.mode && a.detail === b.detail
}

/** Unwrapped links and removed formatting leave neighbouring texts that now look alike. */
function mergeAdjacentTexts(children: SerializedLexicalNode[]): SerializedLexicalNode[] {
  const merged: SerializedLexicalNode[] = []
  for (const child of children) {
    const previous = merged.at(-1)
    if (isNode(child, 'text') && isNode(previous, 'text') && sameTextStyle(previous, child)) {
      previous.text += child.text
    } else {
      merged.push(child)
    }
  }
  return merged
}

/** Returns what replaces the node: itself, reshaped, or its children when the node cannot stay. */
function fitNode(node: SerializedLexicalNode, warnings: ImportWarnings): SerializedLexicalNode[] {
  if (isParent(node)) node.children = mergeAdjacentTexts(node.children.flatMap((child) => fitNode(child, warnings)))
  if (isNode(node, 'heading')) fitHeading(node, warnings)
  if (isNode(node, 'text')) fitText(node, warnings)
  if (isNode(node, 'paragraph')) node.textFormat &= ARTICLE_TEXT_FORMATS
  if (isNode(node, 'quote')) flattenQuote(node)
  if (isNode(node, 'tablerow')) fitTableRow(node)
  if (isNode(node, 'link')) return fitLink(node, warnings)
  return [node]
}

/**
 * Call after takeTitle: any H1 still in the tree is an extra title. Empty top-level paragraphs
 * (left by removed images, for instance) are dropped.
 */
export function fitToArticleEditor(root: SerializedRootNode, warnings: ImportWarnings): void {
  root.children = root.children.flatMap((node) => fitNode(node, warnings)).filter((node) => !isEmptyParagraph(node))
}
