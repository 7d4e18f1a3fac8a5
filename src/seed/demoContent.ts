/**
 * Demo content: Markdown files under src/seed/content, loaded through the importer so that it
 * is exercised on every fresh start. Loading is idempotent: a document whose slug already
 * exists is left alone. Demo content never creates users.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { parse as parseYaml } from 'yaml'

import { projectRoot } from '../config'
import { convertDocument } from '../import/convert'
import { titleFieldOf, workflowCollections, type WorkflowCollection } from '../workflow/options'

const CONTENT_DIR = path.join(projectRoot, 'src', 'seed', 'content')

/** How one editorial collection's demo files (src/seed/content/<collection>/*.md) become documents. */
interface SeedCollection {
  collection: WorkflowCollection
  titleField: string
  /** The rich-text field that receives each file's body. */
  bodyField: string
  /** Relationship fields to other editorial collections: the files list their slugs. */
  relations: { field: string; relationTo: WorkflowCollection }[]
}

/**
 * The editorial collections that have demo files, those that link others last (so the links
 * resolve by slug), each with its title, body and relationship fields from the config.
 */
function seedCollections(payload: Payload): SeedCollection[] {
  const editorial = workflowCollections(payload)
  return editorial
    .filter((collection) => existsSync(path.join(CONTENT_DIR, collection)))
    .map((collection) => {
      const fields = payload.collections[collection].config.flattenedFields
      const bodyField = fields.find((field) => field.type === 'richText')?.name
      if (!bodyField) throw new Error(`${collection} has demo files but no rich-text field for their body`)
      const relations = fields.flatMap((field) =>
        field.type === 'relationship' &&
        typeof field.relationTo === 'string' &&
        editorial.includes(field.relationTo as WorkflowCollection)
          ? [{ field: field.name, relationTo: field.relationTo as WorkflowCollection }]
          : [],
      )
      return { collection, titleField: titleFieldOf(payload, collection), bodyField, relations }
    })
    .sort((a, b) => a.relations.length - b.relations.length)
}

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

function readSourceFiles(collection: WorkflowCollection): SourceFile[] {
  const dir = path.join(CONTENT_DIR, collection)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name)
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))
      if (!match) throw new Error(`${file} has no front matter between --- lines`)
      return {
        file: path.relative(projectRoot, file),
        meta: parseYaml(match[1]) as Record<string, unknown>,
        body: match[2],
      }
    })
}

async function idsBySlug(payload: Payload, collection: CollectionSlug, slugs: unknown): Promise<number[]> {
  if (!Array.isArray(slugs) || slugs.length === 0) return []
  const { docs } = await payload.find({
    collection,
    where: { slug: { in: slugs } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  return slugs.map((slug) => docs.find((doc) => (doc as { slug?: string }).slug === slug)?.id as number).filter(Boolean)
}

async function documentData(payload: Payload, seed: SeedCollection, source: SourceFile) {
  const { [seed.titleField]: givenTitle, ...meta } = source.meta
  // The importer takes the title from the first heading; most files carry it in their front matter.
  const markdown = givenTitle ? `# ${String(givenTitle)}\n\n${source.body}` : source.body
  const { title, content, warnings } = await convertDocument(markdown, 'markdown', payload.config)
  const data: Record<string, unknown> = { ...meta, [seed.titleField]: givenTitle ?? title, [seed.bodyField]: content }
  for (const { field, relationTo } of seed.relations) data[field] = await idsBySlug(payload, relationTo, meta[field])
  return { warnings, data }
}

export async function hasAnyContent(payload: Payload): Promise<boolean> {
  for (const collection of workflowCollections(payload)) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return true
  }
  return false
}

export async function loadDemoContent(payload: Payload): Promise<SeedReport> {
  const report: SeedReport = { created: [], skipped: [], warnings: [] }
  // Related documents first, so the article can link them by slug.
  for (const seed of seedCollections(payload)) {
    const { collection } = seed
    for (const source of readSourceFiles(collection)) {
      const slug = String(source.meta.slug)
      const existing = await payload.count({ collection, where: { slug: { equals: slug } }, overrideAccess: true })
      if (existing.totalDocs > 0) {
        report.skipped.push(`${collection}/${slug}`)
        continue
      }
      const { data, warnings } = await documentData(payload, seed, source)
      // A system action: demo content ships published, it is not anybody's unreviewed draft.
      // The data is read from files, so no generated type describes it: Payload validates it.
      await payload.create({
        collection,
        data: { ...data, _status: 'published' } as never,
        overrideAccess: true,
        context: { systemPublish: true },
      })
      report.created.push(`${collection}/${slug}`)
      report.warnings.push(...warnings.map((warning) => `${source.file}: ${warning}`))
    }
  }
  return report
}
