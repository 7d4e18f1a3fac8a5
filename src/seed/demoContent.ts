/**
 * Demo content: Markdown files under src/seed/content, loaded through the importer so that it
 * is exercised on every fresh start. Loading is idempotent: a document whose slug already
 * exists is left alone. Demo content never creates users.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { parse as parseYaml } from 'yaml'

import { projectRoot } from '../config'
import { convertDocument } from '../import/convert'
import { titleFieldOf } from '../workflow/perform'

const CONTENT_DIR = path.join(projectRoot, 'src', 'seed', 'content')
const CONTENT_COLLECTIONS = ['techniques', 'faqs', 'myths', 'articles'] as const
type ContentCollection = (typeof CONTENT_COLLECTIONS)[number]

interface SourceFile {
  file: string
  meta: Record<string, unknown>
  body: string
}

export interface SeedReport {
  created: string[]
  skipped: string[]
  warnings: string[]
}

/** The rich-text field that receives each file's body. */
const BODY_FIELD: Record<Exclude<ContentCollection, 'articles'>, string> = { techniques: 'description', faqs: 'answer', myths: 'fact' }

function readSourceFiles(collection: ContentCollection): SourceFile[] {
  const dir = path.join(CONTENT_DIR, collection)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name)
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))
      if (!match) throw new Error(`${file} has no front matter between --- lines`)
      return { file: path.relative(projectRoot, file), meta: parseYaml(match[1]) as Record<string, unknown>, body: match[2] }
    })
}

async function idsBySlug(payload: Payload, collection: CollectionSlug, slugs: unknown): Promise<number[]> {
  if (!Array.isArray(slugs) || slugs.length === 0) return []
  const { docs } = await payload.find({ collection, where: { slug: { in: slugs } }, limit: 0, depth: 0, overrideAccess: true })
  return slugs.map((slug) => docs.find((doc) => (doc as { slug?: string }).slug === slug)?.id as number).filter(Boolean)
}

async function documentData(payload: Payload, collection: ContentCollection, source: SourceFile) {
  if (collection === 'articles') {
    const { title, content, warnings } = await convertDocument(source.body, 'markdown', payload.config)
    const { techniques, faqs, myths, ...rest } = source.meta
    return {
      warnings,
      data: {
        ...rest,
        title,
        content,
        techniques: await idsBySlug(payload, 'techniques', techniques),
        faqs: await idsBySlug(payload, 'faqs', faqs),
        myths: await idsBySlug(payload, 'myths', myths),
      },
    }
  }
  // The importer needs a title heading; these files carry their title in the front matter.
  const title = String(source.meta[titleFieldOf(payload, collection)])
  const { content, warnings } = await convertDocument(`# ${title}\n\n${source.body}`, 'markdown', payload.config)
  return { warnings, data: { ...source.meta, [BODY_FIELD[collection]]: content } }
}

export async function hasAnyContent(payload: Payload): Promise<boolean> {
  for (const collection of CONTENT_COLLECTIONS) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return true
  }
  return false
}

export async function loadDemoContent(payload: Payload): Promise<SeedReport> {
  const report: SeedReport = { created: [], skipped: [], warnings: [] }
  // Related documents first, so the article can link them by slug.
  for (const collection of CONTENT_COLLECTIONS) {
    for (const source of readSourceFiles(collection)) {
      const slug = String(source.meta.slug)
      const existing = await payload.count({ collection, where: { slug: { equals: slug } }, overrideAccess: true })
      if (existing.totalDocs > 0) {
        report.skipped.push(`${collection}/${slug}`)
        continue
      }
      const { data, warnings } = await documentData(payload, collection, source)
      // A system action: demo content ships published, it is not anybody's unreviewed draft.
      await payload.create({ collection, data: { ...data, _status: 'published' } as never, overrideAccess: true, context: { systemPublish: true } })
      report.created.push(`${collection}/${slug}`)
      report.warnings.push(...warnings.map((warning) => `${source.file}: ${warning}`))
    }
  }
  return report
}
