/**
 * HTML → Lexical through Payload's own converter, after taking out the elements the article
 * editor cannot hold. Left in, Payload would turn an <img> into an upload node that points to
 * no Media document, and keep the text of <pre> blocks. From a whole web page only its article
 * is taken (see webPage.ts); fragments and bare documents are converted as they are.
 */
import { convertHTMLToLexical, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { JSDOM } from 'jsdom'

import type { ImportIssue, ImportWarnings } from './warnings'
import { extractArticle, isWholePage, type PageDetails } from './webPage'

const UNSUPPORTED_ELEMENTS: { selector: string; issue: ImportIssue }[] = [
  { selector: 'pre', issue: 'codeBlock' },
  { selector: 'img, svg', issue: 'image' },
  { selector: 'iframe, video, audio, object, embed', issue: 'embed' },
]

/** Never visible content; removed without a warning. */
const NON_CONTENT_ELEMENTS = 'script, style, template, noscript'

function removeElements(container: HTMLElement, selector: string): number {
  const elements = [...container.querySelectorAll(selector)]
  for (const element of elements) element.remove()
  return elements.length
}

/** The part of the document that is the article, its title as the H1 the converter expects. */
function articleOf(document: Document): { container: HTMLElement; page?: PageDetails } {
  if (!isWholePage(document)) return { container: document.body }
  const article = extractArticle(document)
  if (article.title) {
    const title = document.createElement('h1')
    title.textContent = article.title
    article.content.prepend(title)
  }
  return { container: article.content, page: article.details }
}

function prepareHtml(source: string, warnings: ImportWarnings): { html: string; page?: PageDetails } {
  // JSDOM's defaults neither run the document's scripts nor fetch what it links to.
  const { document } = new JSDOM(source).window
  const { container, page } = articleOf(document)
  removeElements(container, NON_CONTENT_ELEMENTS)
  for (const { selector, issue } of UNSUPPORTED_ELEMENTS) {
    warnings.add(issue, removeElements(container, selector))
  }
  return { html: container.innerHTML, page }
}

export function htmlToEditorState(
  source: string,
  editorConfig: SanitizedServerEditorConfig,
  warnings: ImportWarnings,
): { content: SerializedEditorState; page?: PageDetails } {
  const { html, page } = prepareHtml(source, warnings)
  return { content: convertHTMLToLexical({ editorConfig, html, JSDOM }), page }
}
