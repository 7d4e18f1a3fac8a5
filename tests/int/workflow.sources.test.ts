/**
 * Sources for health statements, over HTTP: a myth is submitted only with a complete source
 * (REST and GraphQL alike), and an article's claims without a source in the same paragraph are
 * marked in the submission's checklist.
 */
import { contentData, randomSuffix } from '../helpers/content'
import { httpClient } from '../helpers/http'
import { useFixtures, useLocalPayload, useServer, useUsers } from '../helpers/suite'

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const http = httpClient(useServer())
useUsers(fixtures, { writer: 'writer', reviewer: 'reviewer' }, { http })
type Person = 'writer' | 'reviewer'

async function draft(collection: 'myths' | 'articles', who: Person, extra: Record<string, unknown>) {
  const { status, body } = await http.post(
    `/api/${collection}?draft=true`,
    { ...contentData(collection, `Sources ${randomSuffix()}`), ...extra, _status: 'draft' },
    who,
  )
  expect(status).toBe(201)
  fixtures.track(collection, body.doc.id)
  return body.doc as { id: number }
}

const stageOf = async (collection: 'myths' | 'articles', id: number) =>
  (await payload.findByID({ collection, id, draft: true, overrideAccess: true })).workflowStage

describe('a myth needs a source before review', () => {
  it.each([
    ['no sources', []],
    ['a source without a title', [{ title: ' ', url: 'https://example.org/study' }]],
  ])('refuses to submit a myth with %s, over REST and GraphQL, and changes nothing', async (_, sources) => {
    const myth = await draft('myths', 'writer', { sources })
    const refused = await http.act('myths', myth.id, 'submit', 'writer')
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/Cite at least one source/),
      data: { missing: ['sources'] },
    })
    const overGraphql = await http.graphql(
      `mutation { workflowTransition(collection: "myths", id: ${myth.id}, action: "submit") { workflowStage } }`,
      'writer',
    )
    expect(overGraphql.body.errors[0].message).toMatch(/Cite at least one source/)
    expect(await stageOf('myths', myth.id)).toBe('draft')
    const { totalDocs } = await payload.count({
      collection: 'workflow-events',
      where: { and: [{ documentCollection: { equals: 'myths' } }, { documentId: { equals: myth.id } }] },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('submits it once a source with a title and a link is cited', async () => {
    const myth = await draft('myths', 'writer', { sources: [{ title: 'A study', url: 'https://example.org/study' }] })
    expect((await http.act('myths', myth.id, 'submit', 'writer')).body.workflowStage).toBe('in_review')
  })
})

describe("an article's health claims and their sources", () => {
  it('marks the claims whose paragraph links no source in the checklist the reviewer reads', async () => {
    const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, children })
    const text = (value: string) => ({ type: 'text', text: value, format: 0, version: 1 })
    const link = {
      type: 'link',
      version: 3,
      fields: { linkType: 'custom', url: 'https://example.org/trial', newTab: false },
      children: [text('a trial')],
    }
    const content = {
      root: {
        type: 'root',
        version: 1,
        children: [
          paragraph(text('Hot stones cure insomnia.')),
          paragraph(text('Massage is clinically proven to ease tension, says '), link, text('.')),
        ],
      },
    }
    const article = await draft('articles', 'writer', { content })
    expect((await http.act('articles', article.id, 'submit', 'writer')).status).toBe(200)
    const status = await http.get(`/api/articles/${article.id}/workflow`, 'reviewer')
    const claims = (
      status.body.checklist as { kind: string; field: string; unsourced?: boolean; message: string }[]
    ).filter((item) => item.kind === 'health_claim' && item.field === 'content')
    expect(claims).toEqual([
      expect.objectContaining({ unsourced: true, message: expect.stringContaining('no source linked') }),
      expect.not.objectContaining({ unsourced: true }),
    ])
  })
})
