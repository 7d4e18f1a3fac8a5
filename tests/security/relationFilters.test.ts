/**
 * Filters and sorts on relationships must not reveal unpublished documents to anonymous readers:
 * every condition behaves as if the unpublished technique, FAQ or myth did not exist, in every
 * operator, through `.id` and sub-fields, inside AND/OR in any letter case, and over GraphQL;
 * what cannot be answered that way (negations, sorting by a linked field) is refused with 400.
 * Each probe compares the answer for an unpublished document with the answer for one that does
 * not exist at all: any difference is an oracle.
 */
import { GRAPHQL, type ContentDoc } from '../helpers/content'
import { httpClient, idsWhere } from '../helpers/http'
import { use, useFixtures, useLocalPayload, useReadScenario, useServer } from '../helpers/suite'

const MISSING_ID = 2_000_000_000
const RELATIONS = ['techniques', 'faqs', 'myths'] as const
type Relation = (typeof RELATIONS)[number]

const payload = useLocalPayload()
const fixtures = useFixtures(payload)
const scenario = useReadScenario(fixtures)
/** A published article whose only links are unpublished documents. */
const linksOnlyDrafts = use('the article linking only drafts', () =>
  fixtures.published('articles', `Links only drafts ${scenario.suffix}`, {
    techniques: [scenario.docs.techniques.draftOnly.id],
    faqs: [scenario.docs.faqs.draftOnly.id],
    myths: [scenario.docs.myths.draftOnly.id],
  }),
)
const http = httpClient(useServer())

/** Anonymous REST list restricted to our two articles, with `condition` (a query-string fragment under where[and][1]). */
async function ourArticlesWhere(condition: string) {
  const ours = `where[and][0][id][in]=${scenario.linkingArticle.id},${linksOnlyDrafts.id}`
  return http.get(`/api/articles?depth=0&${ours}&where[and][1]${condition}`)
}

const draftOf = (relation: Relation) => scenario.docs[relation].draftOnly

describe.each(RELATIONS)('anonymous filters on %s', (relation) => {
  /**
   * Each probe, for the unpublished document and for a control that cannot match it (a missing
   * id, or the next id for ranges): with the unpublished document invisible, both answer alike.
   */
  const probes: [string, (draft: ContentDoc, control: boolean) => string][] = [
    ['equals', (draft, control) => `[${relation}][equals]=${control ? MISSING_ID : draft.id}`],
    ['in', (draft, control) => `[${relation}][in]=${control ? MISSING_ID : draft.id}`],
    ['.id equals', (draft, control) => `[${relation}.id][equals]=${control ? MISSING_ID : draft.id}`],
    [
      'greater_than_equal',
      (draft, control) => `[${relation}][greater_than_equal]=${control ? draft.id + 1 : draft.id}`,
    ],
    [
      '.id less_than_equal',
      (draft, control) => `[${relation}.id][less_than_equal]=${control ? draft.id - 1 : draft.id}`,
    ],
    ['slug equals', (draft, control) => `[${relation}.slug][equals]=${control ? 'no-such-slug' : draft.slug}`],
    ['slug like', (draft, control) => `[${relation}.slug][like]=${control ? 'no-such-slug' : draft.slug}`],
    ['inside OR', (draft, control) => `[OR][0][${relation}][equals]=${control ? MISSING_ID : draft.id}`],
    ['inside Or', (draft, control) => `[Or][0][${relation}][equals]=${control ? MISSING_ID : draft.id}`],
    ['inside aNd', (draft, control) => `[aNd][0][${relation}][in]=${control ? MISSING_ID : draft.id}`],
  ]

  it.each(probes)(
    '%s answers for an unpublished document exactly as for one that cannot match',
    async (_, condition) => {
      const forDraft = await ourArticlesWhere(condition(draftOf(relation), false))
      const forControl = await ourArticlesWhere(condition(draftOf(relation), true))
      expect(forDraft.status).toBe(200)
      expect(forDraft.body).toEqual(forControl.body)
    },
  )

  it('exists=true does not count unpublished links', async () => {
    const { body } = await ourArticlesWhere(`[${relation}][exists]=true`)
    expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([scenario.linkingArticle.id])
  })

  it('still finds an article by a published document it links', async () => {
    const { body } = await ourArticlesWhere(`[${relation}][equals]=${scenario.docs[relation].published.id}`)
    expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([scenario.linkingArticle.id])
  })

  it.each([
    `[${relation}][not_equals]=1`,
    `[${relation}][not_in]=1`,
    `[${relation}][exists]=false`,
    `[${relation}.id][not_equals]=1`,
  ])('refuses the negation %s with 400 and a sentence', async (condition) => {
    const { status, body } = await ourArticlesWhere(condition)
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/not available/)
  })

  it.each([`[${relation}][contains]=1`, `[${relation}][like]=1`, `[${relation}.id][not_like]=1`])(
    'refuses text operators on ids (%s) with 400, not a database error',
    async (condition) => {
      const { status, body } = await ourArticlesWhere(condition)
      expect(status).toBe(400)
      expect(body.errors[0].message).toMatch(/does not apply to ids/)
    },
  )

  it.each([`${relation}.name`, `-${relation}.slug`, relation])('refuses sort=%s with 400', async (sort) => {
    const { status } = await http.get(`/api/articles?sort=${sort}`)
    expect(status).toBe(400)
  })

  it.each(['equals', 'in', 'not_equals', 'exists'])(
    'over GraphQL (%s) answers for an unpublished document as for a missing one, or refuses',
    async (operator) => {
      const value = (id: number) => (operator === 'in' ? `[${id}]` : operator === 'exists' ? 'true' : String(id))
      const query = (id: number) =>
        `{ ${GRAPHQL.articles.many}(where: { AND: [${idsWhere([scenario.linkingArticle.id, linksOnlyDrafts.id])}, { ${relation}: { ${operator}: ${value(id)} } }] }) { docs { id } totalDocs } }`
      const forDraft = await http.graphql(query(draftOf(relation).id))
      const forMissing = await http.graphql(query(MISSING_ID))
      if (operator === 'not_equals') expect(forDraft.body.errors[0].message).toMatch(/not available/)
      else expect(forDraft.body.errors).toBeUndefined()
      expect(forDraft.body).toEqual(forMissing.body)
    },
  )
})

it('lets staff filter on unpublished links as before', async () => {
  const { id } = await payload.create({
    collection: 'users',
    data: { email: `relfilter-${scenario.suffix}@spa.test`, password: 'Calm-Waters-42!', role: 'reviewer' },
    overrideAccess: true,
  })
  try {
    await http.login(`relfilter-${scenario.suffix}@spa.test`, 'staff')
    const { body } = await http.get(
      `/api/articles?depth=0&where[techniques][equals]=${draftOf('techniques').id}&where[id][equals]=${linksOnlyDrafts.id}`,
      'staff',
    )
    expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([linksOnlyDrafts.id])
  } finally {
    await payload.delete({ collection: 'users', id, overrideAccess: true })
  }
})
