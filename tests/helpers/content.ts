/**
 * Fixtures: documents of the content collections (articles, techniques, faqs, myths) created as
 * the system in a given state (published, draft only, published with a newer draft), and users
 * with a role, all deleted again by cleanup() (useFixtures calls it after the tests).
 */
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import { createUser, type TestRole } from './users'

export const CONTENT_COLLECTIONS = ['articles', 'techniques', 'faqs', 'myths'] as const
export type ContentCollection = (typeof CONTENT_COLLECTIONS)[number]

/** The field each collection's slug is generated from (and shown as its title). */
export const TITLE_FIELD: Record<ContentCollection, string> = {
  articles: 'title',
  techniques: 'name',
  faqs: 'question',
  myths: 'myth',
}

/** GraphQL names generated for each collection (see schema.graphql). */
export const GRAPHQL: Record<ContentCollection, { one: string; many: string; version: string; versions: string }> = {
  articles: { one: 'Article', many: 'Articles', version: 'versionArticle', versions: 'versionsArticles' },
  techniques: { one: 'Technique', many: 'Techniques', version: 'versionTechnique', versions: 'versionsTechniques' },
  faqs: { one: 'Faq', many: 'Faqs', version: 'versionFaq', versions: 'versionsFaqs' },
  myths: { one: 'Myth', many: 'Myths', version: 'versionMyth', versions: 'versionsMyths' },
}

/** Lowercase letters and digits only, so it survives slugification unchanged. */
export const randomSuffix = () => randomBytes(4).toString('hex')

/** A minimal Lexical document with one paragraph. */
export function richText(text: string) {
  return {
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'text', text, version: 1, detail: 0, format: 0, mode: 'normal', style: '' }],
          direction: 'ltr' as const,
          format: '' as const,
          indent: 0,
          version: 1,
        },
      ],
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
    },
  }
}

/** Everything a collection needs to be published, with `text` in the title and the body. */
export function contentData(collection: ContentCollection, text: string): Record<string, unknown> {
  switch (collection) {
    case 'articles':
      return { title: text, excerpt: `Excerpt: ${text}`, content: richText(`Body: ${text}`) }
    case 'techniques':
      return { name: text, summary: `Summary: ${text}`, description: richText(`Description: ${text}`) }
    case 'faqs':
      return { question: text, answer: richText(`Answer: ${text}`) }
    case 'myths':
      return {
        myth: text,
        fact: richText(`Fact: ${text}`),
        sources: [{ title: `Source: ${text}`, url: 'https://example.com/study' }],
      }
  }
}

export interface ContentDoc {
  id: number
  slug: string
  [key: string]: unknown
}

export const asUser = (user: User | undefined) => ({
  user: user ? { ...user, collection: 'users' as const } : undefined,
  overrideAccess: false,
})

export const anonymously = { overrideAccess: false } as const

/**
 * Creates documents and users as the system (overrideAccess: true) and remembers them for cleanup().
 */
export class Fixtures {
  private readonly created: { collection: ContentCollection; id: number }[] = []
  private readonly users: User[] = []

  constructor(private readonly payload: Payload) {}

  /** Remember a document created elsewhere (e.g. by a test over REST) so cleanup() deletes it. */
  track(collection: ContentCollection, id: number): void {
    this.created.push({ collection, id })
  }

  async published(
    collection: ContentCollection,
    text: string,
    extra: Record<string, unknown> = {},
  ): Promise<ContentDoc> {
    const doc = (await this.payload.create({
      collection,
      data: { ...contentData(collection, text), ...extra, _status: 'published' } as never,
      overrideAccess: true,
      context: { systemPublish: true }, // fixtures go public the way demo content does, without a review
    })) as unknown as ContentDoc
    this.track(collection, doc.id)
    return doc
  }

  async draft(collection: ContentCollection, text: string, extra: Record<string, unknown> = {}): Promise<ContentDoc> {
    const doc = (await this.payload.create({
      collection,
      data: { ...contentData(collection, text), ...extra, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })) as unknown as ContentDoc
    this.track(collection, doc.id)
    return doc
  }

  /**
   * A published document (with `publishedText`) whose newer, unpublished draft says `draftText`.
   * The slug is kept, so only the texts differ between the two.
   */
  async publishedWithDraft(
    collection: ContentCollection,
    publishedText: string,
    draftText: string,
  ): Promise<ContentDoc> {
    const doc = await this.published(collection, publishedText)
    await this.payload.update({
      collection,
      id: doc.id,
      data: { ...contentData(collection, draftText), slug: doc.slug, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
    })
    return doc
  }

  /**
   * A document approved and ready to publish, recorded the way the workflow records an approval
   * (its stage and approved version), without the submit and review round trips: releases need
   * hundreds. With `published`, its live version says that text and the approved draft `text`.
   */
  async approved(
    collection: ContentCollection,
    text: string,
    { publishedText, ...extra }: { publishedText?: string } & Record<string, unknown> = {},
  ): Promise<ContentDoc> {
    const doc = publishedText
      ? await this.published(collection, publishedText, extra)
      : await this.draft(collection, text, extra)
    if (publishedText)
      await this.payload.update({
        collection,
        id: doc.id,
        data: { ...contentData(collection, text), slug: doc.slug, _status: 'draft' } as never,
        draft: true,
        overrideAccess: true,
        context: { workflowRecord: true },
      })
    const [approvedVersion] = await this.versionIds(collection, doc.id)
    await this.payload.update({
      collection,
      id: doc.id,
      data: { workflowStage: 'approved', workflow: { approvedVersion, approvedAt: new Date().toISOString() } } as never,
      draft: true,
      overrideAccess: true,
      context: { workflowRecord: true },
    })
    return doc
  }

  /** Version ids of a document, newest first. */
  async versionIds(collection: ContentCollection, id: number): Promise<string[]> {
    const { docs } = await this.payload.findVersions({
      collection,
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      limit: 0,
      overrideAccess: true,
    })
    return docs.map((version) => String(version.id))
  }

  /** A user with `role` (password TEST_PASSWORD); `label` goes into the email address. */
  async user(role: TestRole, label: string = role): Promise<User> {
    const user = await createUser(this.payload, role, label)
    this.users.push(user)
    return user
  }

  /** Deletes the documents, then the users (who may have authored them). */
  async cleanup(): Promise<void> {
    for (const collection of CONTENT_COLLECTIONS) {
      const ids = this.created.filter((entry) => entry.collection === collection).map((entry) => entry.id)
      if (ids.length) await this.payload.delete({ collection, where: { id: { in: ids } }, overrideAccess: true })
    }
    this.created.length = 0
    const userIds = this.users.map((user) => user.id)
    if (userIds.length)
      await this.payload.delete({ collection: 'users', where: { id: { in: userIds } }, overrideAccess: true })
    this.users.length = 0
  }
}

export interface ScenarioDocs {
  published: ContentDoc
  draftOnly: ContentDoc
  /** Published as "Public …", with a newer unpublished draft saying "Pending … <secret>". */
  withDraft: ContentDoc
  versionIds: string[]
}

/**
 * What the public-read tests look at: in each content collection a published document, a
 * draft-only one and a published one with a pending draft, plus a published article linking all
 * of them. Only drafts contain `secret`, so an anonymous answer containing it leaks a draft.
 */
export class ReadScenario {
  readonly suffix = randomSuffix()
  readonly secret = `secret${this.suffix}`
  readonly docs = {} as Record<ContentCollection, ScenarioDocs>
  linkingArticle!: ContentDoc

  readonly publishedTitle = (collection: ContentCollection) => `Published ${collection} ${this.suffix}`
  readonly publicTitle = (collection: ContentCollection) => `Public ${collection} ${this.suffix}`
  readonly pendingTitle = (collection: ContentCollection) => `Pending ${collection} ${this.secret}`
  readonly draftOnlyTitle = (collection: ContentCollection) => `Draft only ${collection} ${this.secret}`

  /** Every document of the scenario in a collection, ascending ids. */
  readonly ours = (collection: ContentCollection) => [
    this.docs[collection].published.id,
    this.docs[collection].draftOnly.id,
    this.docs[collection].withDraft.id,
  ]
  /** What an anonymous reader may see of them. */
  readonly visible = (collection: ContentCollection) => [
    this.docs[collection].published.id,
    this.docs[collection].withDraft.id,
  ]

  async create(fixtures: Fixtures): Promise<void> {
    for (const collection of CONTENT_COLLECTIONS) {
      const published = await fixtures.published(collection, this.publishedTitle(collection))
      const draftOnly = await fixtures.draft(collection, this.draftOnlyTitle(collection))
      const withDraft = await fixtures.publishedWithDraft(
        collection,
        this.publicTitle(collection),
        this.pendingTitle(collection),
      )
      this.docs[collection] = {
        published,
        draftOnly,
        withDraft,
        versionIds: await fixtures.versionIds(collection, withDraft.id),
      }
    }
    this.linkingArticle = await fixtures.published('articles', `Linking article ${this.suffix}`, {
      techniques: this.ours('techniques'),
      faqs: this.ours('faqs'),
      myths: this.ours('myths'),
    })
  }
}
