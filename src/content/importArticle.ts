/**
 * Turning a Markdown or HTML document into an article draft. Used by `npm run import` and by
 * `POST /api/articles/import`. Imports are always drafts: going public is the reviewers' call.
 */
import { APIError, ValidationError, type FlattenedField, type Payload, type PayloadRequest } from 'payload'

import type { Article, User } from '../../payload-types'
import { convertDocument, type ImportFormat } from '../import/convert'
import type { PageDetails } from '../import/webPage'
import { firstFreeSlug, isSlugClash, slugify } from './slug'

export interface ImportedDraft {
  id: number
  title: string
  slug: string
  warnings: string[]
}

type PageFields = Partial<Pick<Article, 'excerpt' | 'publishedAt' | 'seo'>>

/**
 * Two imports of the same title at once both see the slug free; the database's unique index lets
 * one through and the other tries the next number. Beyond a few clashes in a row, something else
 * is wrong.
 */
const SLUG_ATTEMPTS = 5

/** A slug clash or an invalid field is the writer's to fix: say which and why. */
function explainValidation(error: ValidationError): string {
  return error.data.errors.map((fieldError) => `${fieldError.path}: ${fieldError.message}`).join('; ')
}

/** The maxLength of an article field (`['seo', 'metaDescription']`), read from the collection's config. */
function maxLengthOf(fields: FlattenedField[], [name, ...rest]: string[]): number | undefined {
  const field = fields.find((candidate) => candidate.name === name)
  if (field && rest.length > 0) return 'flattenedFields' in field ? maxLengthOf(field.flattenedFields, rest) : undefined
  return field && 'maxLength' in field ? field.maxLength : undefined
}

const fits = (value: string, maxLength: number | undefined) => maxLength === undefined || value.length <= maxLength
const quoteList = (names: string[]) => names.map((name) => `"${name}"`).join(', ')
const sameName = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * What a saved web page says about its article, put into the article's fields where it has one,
 * and otherwise told to the writer. Nothing is invented: the author stays the person importing.
 */
function fieldsFromPage(payload: Payload, page: PageDetails, importer: User): { data: PageFields; warnings: string[] } {
  const fields = payload.collections.articles.config.flattenedFields
  const data: PageFields = {}
  const warnings: string[] = []
  const { description, published, byline, categories, featuredImage } = page
  if (description !== undefined) {
    const excerptMax = maxLengthOf(fields, ['excerpt'])
    const metaDescriptionMax = maxLengthOf(fields, ['seo', 'metaDescription'])
    if (fits(description, excerptMax)) data.excerpt = description
    else
      warnings.push(
        `The page's description is longer than an excerpt may be (${excerptMax} characters), so it was not used: write the excerpt yourself.`,
      )
    if (fits(description, metaDescriptionMax)) data.seo = { metaDescription: description }
    else
      warnings.push(
        `The page's description is longer than an SEO description may be (${metaDescriptionMax} characters): write one in the SEO fields.`,
      )
  }
  if (published !== undefined) {
    const date = new Date(published)
    if (Number.isNaN(date.getTime()))
      warnings.push(
        `The page's publication date "${published}" is not a date the importer can read, so it was not kept.`,
      )
    else data.publishedAt = date.toISOString()
  }
  if (byline !== undefined && !(importer.name && sameName(byline, importer.name))) {
    warnings.push(
      `The page names ${quoteList([byline])} as its author. The draft's author is you, who imported it (authorship cannot be given to someone else): credit the original author in the text if you need to.`,
    )
  }
  if (categories.length > 0) {
    warnings.push(
      `The page's ${categories.length === 1 ? 'category' : 'categories'} ${quoteList(categories)} ${categories.length === 1 ? 'was' : 'were'} not kept: articles have no categories.`,
    )
  }
  if (featuredImage !== undefined) {
    const alt = featuredImage.alt ? `alt text "${featuredImage.alt}"` : 'no alt text'
    warnings.push(
      `The page's featured image was not imported: ${featuredImage.url} (${alt}). Upload it to Media and choose it as the hero image.`,
    )
  }
  return { data, warnings }
}

/**
 * Creates the draft under the first free slug of its title (`title`, `title-2`, …), trying the
 * next one when a concurrent save took it first.
 */
async function createWithFreeSlug(
  payload: Payload,
  data: PageFields & Pick<Article, 'title' | 'content'>,
  author: User,
  req: Partial<PayloadRequest> | undefined,
): Promise<{ draft: Article; wanted: string }> {
  const wanted = slugify(data.title)
  const claimedMeanwhile = new Set<string>()
  for (let attempt = 1; ; attempt++) {
    const slug = wanted === '' ? undefined : await firstFreeSlug(payload, 'articles', wanted, claimedMeanwhile)
    try {
      const draft = await payload.create({
        collection: 'articles',
        data: { ...data, ...(slug ? { slug } : {}), _status: 'draft' },
        draft: true,
        user: author,
        overrideAccess: false,
        req,
      })
      return { draft, wanted }
    } catch (error) {
      if (!slug || !isSlugClash(error) || attempt === SLUG_ATTEMPTS) throw error
      claimedMeanwhile.add(slug)
    }
  }
}

export async function importArticleDraft(
  payload: Payload,
  {
    source,
    format,
    author,
    req,
  }: { source: string; format: ImportFormat; author: User; req?: Partial<PayloadRequest> },
): Promise<ImportedDraft> {
  const converted = await convertDocument(source, format, payload.config)
  const fromPage = converted.page ? fieldsFromPage(payload, converted.page, author) : { data: {}, warnings: [] }
  try {
    const { draft, wanted } = await createWithFreeSlug(
      payload,
      { ...fromPage.data, title: converted.title, content: converted.content as Article['content'] },
      author,
      req,
    )
    const slug = draft.slug as string
    const slugWarning =
      wanted !== '' && slug !== wanted
        ? [
            `The slug "${wanted}" is already used by another article, so this draft's slug is "${slug}": change it in the sidebar if you prefer another.`,
          ]
        : []
    return {
      id: draft.id,
      title: draft.title,
      slug,
      warnings: [...converted.warnings, ...fromPage.warnings, ...slugWarning],
    }
  } catch (error) {
    if (error instanceof ValidationError)
      throw new APIError(`The article could not be created: ${explainValidation(error)}`, 400, undefined, true)
    throw error
  }
}
