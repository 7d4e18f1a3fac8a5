/**
 * HTML → Lexical through Payload's own converter, after taking out the elements the article
 * editor cannot hold. Left in, Payload would turn an <img> into an upload node that points to
 * no Media document, and keep the text of <pre> blocks.
 */
import { convertHTMLToLexical, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { JSDOM } from 'jsdom'

import type { ImportIssue, ImportWarnings } from './warnings'

const UNSUPPORTED_ELEMENTS: { selector: string; issue: ImportIssue }[] = [
  { selector: 'pre', issue: 'codeBlock' },
  { selector: 'img, svg', issue: 'image' },
  { selector: 'iframe, video, audio, object, embed', issue: 'embed' },
]

/** Never visible content; removed without a warning. */
const NON_CONTENT_ELEMENTS = 'script, style, template, noscript'

function removeElements(body: HTMLElement, selector: string): number {
  const elements = [...body.querySelectorAll(selector)]
  for (const element of elements) element.remove()
  return elements.length
}

function prepareHtml(source: string, warnings: ImportWarnings): string {
  // JSDOM's defaults neither run the document's scripts nor fetch what it links to.
  const { body } = new JSDOM(source).window.document
  removeElements(body, NON_CONTENT_ELEMENTS)
  for (const { selector, issue } of UNSUPPORTED_ELEMENTS) {
    warnings.add(issue, removeElements(body, selector))
  }
  return body.innerHTML
}

export function htmlToEditorState(
  source: string,
  editorConfig: SanitizedServerEditorConfig,
  warnings: ImportWarnings,
): SerializedEditorState {
  return convertHTMLToLexical({ editorConfig, html: prepareHtml(source, warnings), JSDOM })
}
