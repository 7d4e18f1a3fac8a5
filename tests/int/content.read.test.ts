/**
 * Who reads what in the content collections, through Payload's local API with overrideAccess: false:
 * anonymous readers see published documents only (never a draft, a pending draft of a published
 * document or the version history, nor a draft through a relationship); staff see everything.
 */
import pg from 'pg'

import { anonymously, asUser, CONTENT_COLLECTIONS, TITLE_FIELD, type ContentCollection } from '../helpers/content'
import { useFixtures, useLocalPayload, useReadScenario, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const people = useUsers(fixtures, { admin: 'admin', reviewer: 'reviewer', writer: 'writer' }, { label: 'content-read' })
const scenario = useReadScenario(fixtures)
const { docs, ours, pendingTitle, publicTitle, secret } = scenario

const idsOf = (list: { id: unknown }[]) => list.map((doc) => doc.id).sort((a, b) => Number(a) - Number(b))
const titleOf = (collection: ContentCollection, doc: unknown) =>
  (doc as Record<string, unknown>)[TITLE_FIELD[collection]]
const leaks = (value: unknown) => JSON.stringify(value).toLowerCase().includes(secret)

describe.each(CONTENT_COLLECTIONS)('anonymous readers of %s', (collection) => {
  it('find only the published documents, with their published texts', async () => {
    const result = await payload.find({ collection, where: { id: { in: ours(collection) } }, limit: 0, ...anonymously })
    expect(idsOf(result.docs)).toEqual([docs[collection].published.id, docs[collection].withDraft.id])
    expect(
      titleOf(
        collection,
        result.docs.find((doc) => doc.id === docs[collection].withDraft.id),
      ),
    ).toBe(publicTitle(collection))
    expect(leaks(result)).toBe(false)
  })

  it('get no draft content when asking for drafts', async () => {
    const result = await payload.find({
      collection,
      where: { id: { in: ours(collection) } },
      draft: true,
      limit: 0,
      ...anonymously,
    })
    expect(idsOf(result.docs)).not.toContain(docs[collection].draftOnly.id)
    for (const doc of result.docs) expect(doc._status).toBe('published')
    expect(leaks(result)).toBe(false)
  })

  it('cannot find drafts by asking for them', async () => {
    const result = await payload.find({
      collection,
      where: { and: [{ id: { in: ours(collection) } }, { _status: { equals: 'draft' } }] },
      draft: true,
      ...anonymously,
    })
    expect(result.docs).toEqual([])
  })

  it('count only the published documents', async () => {
    const { totalDocs } = await payload.count({ collection, where: { id: { in: ours(collection) } }, ...anonymously })
    expect(totalDocs).toBe(2)
  })

  it.each([false, true])('get 404 for a draft-only document by id (draft: %s)', async (draft) => {
    await expect(
      payload.findByID({ collection, id: docs[collection].draftOnly.id, draft, ...anonymously }),
    ).rejects.toMatchObject({
      status: 404,
    })
  })

  it.each([false, true])('get the published text of a document with a pending draft (draft: %s)', async (draft) => {
    const doc = await payload.findByID({ collection, id: docs[collection].withDraft.id, draft, ...anonymously })
    expect(titleOf(collection, doc)).toBe(publicTitle(collection))
    expect(leaks(doc)).toBe(false)
  })

  it('are refused the version history', async () => {
    await expect(
      payload.findVersions({
        collection,
        where: { parent: { equals: docs[collection].withDraft.id } },
        ...anonymously,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.findVersionByID({ collection, id: docs[collection].versionIds[0], ...anonymously }),
    ).rejects.toMatchObject({
      status: 403,
    })
    await expect(payload.countVersions({ collection, ...anonymously })).rejects.toMatchObject({ status: 403 })
  })
})

describe.each(CONTENT_COLLECTIONS)('staff readers of %s', (collection) => {
  const staff = { admin: () => people.admin, reviewer: () => people.reviewer, writer: () => people.writer }
  describe.each(Object.keys(staff) as (keyof typeof staff)[])('as %s', (role) => {
    const as = () => asUser(staff[role]())

    it('find drafts and pending drafts', async () => {
      const result = await payload.find({
        collection,
        where: { id: { in: ours(collection) } },
        draft: true,
        limit: 0,
        ...as(),
      })
      expect(idsOf(result.docs)).toEqual(ours(collection))
      expect(
        titleOf(
          collection,
          result.docs.find((doc) => doc.id === docs[collection].withDraft.id),
        ),
      ).toBe(pendingTitle(collection))
    })

    it('read a draft-only document and a pending draft by id', async () => {
      const draftOnly = await payload.findByID({ collection, id: docs[collection].draftOnly.id, ...as() })
      expect(titleOf(collection, draftOnly)).toBe(`Draft only ${collection} ${secret}`)
      const pending = await payload.findByID({ collection, id: docs[collection].withDraft.id, draft: true, ...as() })
      expect(titleOf(collection, pending)).toBe(pendingTitle(collection))
    })

    it('read the version history', async () => {
      const versions = await payload.findVersions({
        collection,
        where: { parent: { equals: docs[collection].withDraft.id } },
        ...as(),
      })
      expect(versions.docs.map((version) => titleOf(collection, version.version))).toEqual(
        expect.arrayContaining([publicTitle(collection), pendingTitle(collection)]),
      )
      const latest = await payload.findVersionByID({ collection, id: docs[collection].versionIds[0], ...as() })
      expect(titleOf(collection, latest.version)).toBe(pendingTitle(collection))
    })
  })
})

describe('relationships of a published article', () => {
  const related = ['techniques', 'faqs', 'myths'] as const
  const visibleIds = (collection: ContentCollection) => [docs[collection].published.id, docs[collection].withDraft.id]
  const relatedIds = (value: unknown) =>
    ((value ?? []) as (number | { id: number })[]).map((item) => (typeof item === 'object' ? item.id : item))

  it.each([0, 1, 2])('show anonymous readers only published related documents (depth %i)', async (depth) => {
    const article = await payload.findByID({
      collection: 'articles',
      id: scenario.linkingArticle.id,
      depth,
      ...anonymously,
    })
    for (const collection of related) expect(relatedIds(article[collection])).toEqual(visibleIds(collection))
    expect(leaks(article)).toBe(false)
  })

  it('leave it to population to judge related documents it populates: no separate status lookup', async () => {
    const statements: string[] = []
    const query = pg.Client.prototype.query
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text
      statements.push(String(text))
      return (query as (...rest: unknown[]) => unknown).apply(this, args)
    } as typeof query
    try {
      await payload.findByID({ collection: 'articles', id: scenario.linkingArticle.id, depth: 1, ...anonymously })
      const depthOneStatements = statements.length
      await payload.findByID({ collection: 'articles', id: scenario.linkingArticle.id, depth: 0, ...anonymously })
      const statusLookup = /^select "id" from "(techniques|faqs|myths)"/
      // At depth 0 nothing is populated: each related collection's ids are looked up instead.
      expect(statements.slice(depthOneStatements).filter((text) => statusLookup.test(text))).toHaveLength(
        related.length,
      )
      expect(statements.slice(0, depthOneStatements).filter((text) => statusLookup.test(text))).toEqual([])
    } finally {
      pg.Client.prototype.query = query
    }
  })

  it('show anonymous readers the published texts of related documents, even with draft: true', async () => {
    const article = await payload.findByID({
      collection: 'articles',
      id: scenario.linkingArticle.id,
      depth: 1,
      draft: true,
      ...anonymously,
    })
    for (const collection of related) {
      expect(relatedIds(article[collection])).toEqual(visibleIds(collection))
      // Payload may leave a related document with a pending draft unpopulated (a bare id) here;
      // populated, it must show the published text.
      const withDraft = (article[collection] as unknown[]).find(
        (item) => typeof item === 'object' && (item as { id: number }).id === docs[collection].withDraft.id,
      )
      if (withDraft) expect(titleOf(collection, withDraft)).toBe(publicTitle(collection))
    }
    expect(leaks(article)).toBe(false)
  })

  it('hide draft related documents from anonymous lists too', async () => {
    const { docs: found } = await payload.find({
      collection: 'articles',
      where: { id: { equals: scenario.linkingArticle.id } },
      depth: 0,
      ...anonymously,
    })
    expect(found).toHaveLength(1)
    for (const collection of related) expect(relatedIds(found[0][collection])).toEqual(visibleIds(collection))
  })

  it('cannot be used to search draft related documents by their content', async () => {
    const { docs: found } = await payload.find({
      collection: 'articles',
      where: { and: [{ id: { equals: scenario.linkingArticle.id } }, { 'techniques.name': { like: secret } }] },
      draft: false,
      ...anonymously,
    })
    expect(found).toEqual([])
  })

  it('show a writer every related document, drafts included', async () => {
    const article = await payload.findByID({
      collection: 'articles',
      id: scenario.linkingArticle.id,
      depth: 1,
      draft: true,
      ...asUser(people.writer),
    })
    for (const collection of related) expect(relatedIds(article[collection])).toEqual(ours(collection))
    const techniques = article.techniques as { id: number; name: string }[]
    expect(techniques.find((technique) => technique.id === docs.techniques.draftOnly.id)?.name).toBe(
      `Draft only techniques ${secret}`,
    )
  })
})
