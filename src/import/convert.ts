/**
 * Turns a Markdown or HTML document into an article: a title and Lexical content for the
 * article editor, plus warnings about what could not come along. Pure: it needs the sanitized
 * Payload config only to build the editor config, never a database.
 */
import { editorConfigFactory, HeadingFeature, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { HeadingTagType } from '@payloadcms/richtext-lexical/lexical/rich-text'
import type { SanitizedConfig } from 'payload'

import { fitToArticleEditor, takeTitle } from './articleTree'
import { articleEditorFeatures } from './editorFeatures'
import { htmlToEditorState } from './html'
import { markdownToEditorState } from './markdown'
import { ImportWarnings } from './warnings'
import type { PageDetails } from './webPage'

export type ImportFormat = 'markdown' | 'html'

/** A problem with the document itself; the message is meant for the writer. */
export class ImportError extends Error {
  override name = 'ImportError'
}

export interface ConvertedDocument {
  title: string
  content: SerializedEditorState
  warnings: string[]
  /** What a whole web page says about its article (date, byline, description…); absent for other documents. */
  page?: PageDetails
}

type Converter = (
  source: string,
  editorConfig: SanitizedServerEditorConfig,
  warnings: ImportWarnings,
) => { content: SerializedEditorState; page?: PageDetails }

const CONVERTERS: Record<ImportFormat, Converter> = {
  markdown: (source, editorConfig, warnings) => ({ content: markdownToEditorState(source, editorConfig, warnings) }),
  html: htmlToEditorState,
}

const ALL_HEADING_TAGS: HeadingTagType[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/**
 * The article features, except that every heading level is read: the H1 has to survive the
 * conversion to become the title, and H5/H6 to be turned into H4 rather than into paragraphs.
 */
function importFeatures() {
  return articleEditorFeatures().map((feature) =>
    feature.key === 'heading' ? HeadingFeature({ enabledHeadingSizes: ALL_HEADING_TAGS }) : feature,
  )
}

export async function convertDocument(
  source: string,
  format: ImportFormat,
  payloadConfig: SanitizedConfig,
): Promise<ConvertedDocument> {
  if (source.trim() === '') throw new ImportError('The document is empty.')
  const editorConfig = await editorConfigFactory.fromFeatures({ config: payloadConfig, features: importFeatures })
  const warnings = new ImportWarnings()
  const { content, page } = CONVERTERS[format](source, editorConfig, warnings)
  const title = takeTitle(content.root)
  if (title === undefined) {
    throw new ImportError('No title found: the document needs a top-level heading (# Title in Markdown, <h1> in HTML).')
  }
  if (title === '') throw new ImportError('The title heading is empty: write the article title in it.')
  fitToArticleEditor(content.root, warnings)
  return { title, content, warnings: warnings.messages(), ...(page ? { page } : {}) }
}
