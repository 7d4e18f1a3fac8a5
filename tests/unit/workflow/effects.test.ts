import {
  afterEdit,
  applyEffect,
  EFFECTS,
  sameContent,
  unmetRequirements,
  type EffectInput,
} from '../../../src/workflow/effects'
import { ACTIONS } from '../../../src/workflow/transitions'

const NOW = '2026-12-03T10:00:00.000Z'
const claim = { kind: 'health_claim' as const, field: 'content', message: 'possible claim', phrase: 'cures' }

const input = (overrides: Partial<EffectInput> = {}): EffectInput => ({
  workflow: { lastEditedBy: 1 },
  actorId: 7,
  now: NOW,
  comment: null,
  acknowledgeClaims: false,
  confirmOpenThreads: false,
  to: 'approved',
  facts: {},
  ...overrides,
})

const NO_APPROVALS = { approvals: [], approvedBy: null, approvedAt: null, approvedVersion: null }

describe('what each action writes', () => {
  it('submit records who, when and which version, starts the approvals afresh and keeps the checklist for the audit', () => {
    const checklist = [claim]
    const effect = applyEffect(
      'submit',
      input({
        workflow: { reviewComment: 'old', lastEditedBy: 1, approvals: [{ by: 2, at: NOW, version: '3' }] },
        facts: { checklist, newestVersion: '8' },
      }),
      'article',
    )
    expect(effect).toEqual({
      ok: true,
      result: {
        workflow: {
          ...NO_APPROVALS,
          lastEditedBy: 1,
          submittedBy: 7,
          submittedAt: NOW,
          submittedVersion: '8',
          reviewComment: null,
          checklist,
        },
        checklist,
      },
    })
  })

  it('submit is refused, saying what is missing, while a requirement is unmet', () => {
    const sources = { field: 'sources', message: 'Cite at least one source.' }
    const refused = applyEffect('submit', input({ facts: { checklist: [], unmetRequirements: [sources] } }), 'myth')
    expect(refused).toEqual({
      ok: false,
      refusal: { status: 409, reason: 'Cite at least one source.', data: { missing: ['sources'] } },
    })
    expect(applyEffect('submit', input({ facts: { checklist: [], unmetRequirements: [] } }), 'myth').ok).toBe(true)
  })

  it.each([
    ['no sources', undefined, false],
    ['an empty list', [], false],
    ['a source without a link', [{ id: 'a', title: 'A study', url: ' ' }], false],
    ['a source without a title', [{ title: null, url: 'https://example.com' }], false],
    ['one complete source', [{ id: 'a', title: 'A study', url: 'https://example.com' }], true],
    [
      'one complete source among incomplete ones',
      [
        { title: '', url: '' },
        { title: 'A study', url: 'https://example.com' },
      ],
      true,
    ],
  ])('a required list is met by at least one complete item: %s', (_, sources, met) => {
    expect(unmetRequirements([{ field: 'sources', message: 'Cite one.' }], { sources })).toHaveLength(met ? 0 : 1)
  })

  it('a required text is met when it is not blank', () => {
    const excerpt = { field: 'excerpt', message: 'Write an excerpt.' }
    expect(unmetRequirements([excerpt], { excerpt: '  ' })).toEqual([excerpt])
    expect(unmetRequirements([excerpt], { excerpt: 'Relax.' })).toEqual([])
  })

  it('withdraw forgets the submission and its approvals; request changes keeps the comment and opens a thread with it', () => {
    const approvals = [{ by: 2, at: NOW, version: '3' }]
    expect(
      applyEffect('withdraw', input({ workflow: { submittedBy: 3, submittedAt: NOW, approvals } }), 'article'),
    ).toEqual({
      ok: true,
      result: { workflow: { ...NO_APPROVALS, submittedBy: null, submittedAt: null } },
    })
    expect(
      applyEffect('request_changes', input({ comment: 'Cite a source.', workflow: { approvals } }), 'myth'),
    ).toEqual({
      ok: true,
      result: { workflow: { ...NO_APPROVALS, reviewComment: 'Cite a source.' }, openThread: 'Cite a source.' },
    })
    expect(applyEffect('request_changes', input({ comment: null }), 'myth')).toMatchObject({
      ok: true,
      result: { workflow: { reviewComment: null } },
    })
    expect(applyEffect('request_changes', input({ comment: null }), 'myth')).not.toHaveProperty('result.openThread')
  })

  it('approve pins the newest version, and asks for confirmation of health claims first', () => {
    const withClaims = input({ workflow: { checklist: [claim] }, facts: { newestVersion: '42' } })
    const refused = applyEffect('approve', withClaims, 'FAQ')
    expect(refused).toMatchObject({ ok: false, refusal: { status: 409, data: { claims: [claim] } } })
    expect(!refused.ok && refused.refusal.reason).toMatch(/^This FAQ contains possible health claims/)
    expect(applyEffect('approve', { ...withClaims, acknowledgeClaims: true }, 'FAQ')).toMatchObject({
      ok: true,
      result: {
        workflow: {
          approvedBy: 7,
          approvedAt: NOW,
          approvedVersion: '42',
          approvals: [{ by: 7, at: NOW, version: '42' }],
        },
      },
    })
  })

  it('approving with threads nobody resolved asks for confirmation, listing them', () => {
    const openThreads = [{ id: 5, body: 'Is this source peer reviewed?', field: 'sources', author: 'Rita' }]
    const withThreads = input({ facts: { newestVersion: '42', openThreads } })
    const refused = applyEffect('approve', withThreads, 'myth')
    expect(refused).toMatchObject({ ok: false, refusal: { status: 409, data: { openThreads } } })
    expect(!refused.ok && refused.refusal.reason).toMatch(/^This myth has a review thread nobody resolved/)
    expect(applyEffect('approve', { ...withThreads, confirmOpenThreads: true }, 'myth').ok).toBe(true)
  })

  it('an approval short of the number required is counted, and approves nothing yet', () => {
    const first = applyEffect('approve', input({ to: 'in_review', facts: { newestVersion: '42' } }), 'myth')
    expect(first).toEqual({
      ok: true,
      result: { workflow: { lastEditedBy: 1, approvals: [{ by: 7, at: NOW, version: '42' }] } },
    })
    const second = applyEffect(
      'approve',
      input({ actorId: 8, workflow: first.ok ? first.result.workflow : {}, facts: { newestVersion: '43' } }),
      'myth',
    )
    expect(second).toMatchObject({
      ok: true,
      result: {
        workflow: {
          approvals: [
            { by: 7, at: NOW, version: '42' },
            { by: 8, at: NOW, version: '43' },
          ],
          approvedBy: 8,
          approvedVersion: '43',
        },
      },
    })
  })

  it('publish goes public only with the approved content; unpublish takes it down', () => {
    expect(applyEffect('publish', input({ facts: { approvedContentUnchanged: false } }), 'article')).toMatchObject({
      ok: false,
      refusal: { status: 409 },
    })
    expect(applyEffect('publish', input({ facts: { approvedContentUnchanged: true } }), 'article')).toMatchObject({
      ok: true,
      result: { status: 'published' },
    })
    expect(applyEffect('unpublish', input(), 'article')).toMatchObject({ ok: true, result: { status: 'draft' } })
  })

  it('publishing and "Still correct" start the review interval afresh; without an interval there is no date', () => {
    for (const action of ['publish', 'confirm_current'] as const) {
      const result = applyEffect(
        action,
        input({ reviewEveryMonths: 12, facts: { approvedContentUnchanged: true } }),
        'myth',
      )
      expect(result).toMatchObject({
        ok: true,
        result: { status: 'published', fields: { reviewBy: '2027-12-03T10:00:00.000Z', reviewDue: false } },
      })
    }
    expect(applyEffect('publish', input({ facts: { approvedContentUnchanged: true } }), 'article')).toMatchObject({
      result: { fields: { reviewBy: null, reviewDue: false } },
    })
  })

  it('every action has an effect, and each names only facts perform.ts knows how to load', () => {
    for (const action of ACTIONS) {
      for (const fact of EFFECTS[action].needs)
        expect([
          'checklist',
          'unmetRequirements',
          'newestVersion',
          'approvedContentUnchanged',
          'openThreads',
          'restoredContent',
        ]).toContain(fact)
    }
  })
})

describe('what editing does', () => {
  const approved = { approvedBy: 2, approvedAt: NOW, approvedVersion: '9', lastEditedBy: 1 }

  it('an edit of approved or live content starts a new draft and round: approvals voided, editors afresh', () => {
    for (const stage of ['approved', 'published', 'unpublished'] as const) {
      expect(afterEdit(stage, { ...approved, editors: [1, 3] }, 5)).toEqual({
        stage: 'draft',
        workflow: { ...NO_APPROVALS, editors: [5], lastEditedBy: 5 },
      })
    }
  })

  it('an edit of a draft keeps its stage and adds the editor to those who may not approve it; content in review is frozen', () => {
    expect(afterEdit('changes_requested', { lastEditedBy: 1, editors: [1] }, 5)).toEqual({
      stage: 'changes_requested',
      workflow: { lastEditedBy: 5, editors: [1, 5] },
    })
    expect(afterEdit('draft', { editors: [{ id: 5 }] }, 5).workflow.editors).toEqual([5])
    expect(afterEdit('in_review', approved, 5).stage).toBe('frozen')
    expect(afterEdit('draft', { lastEditedBy: 1 }, null).workflow.lastEditedBy).toBe(1)
  })

  it('compares content, not the workflow fields around it', () => {
    const doc = {
      title: 'Swedish',
      slug: 'swedish',
      workflowStage: 'approved',
      updatedAt: 'a',
      workflow: { approvedBy: 1 },
    }
    expect(sameContent(doc, { ...doc, workflowStage: 'draft', updatedAt: 'b', workflow: {} })).toBe(true)
    expect(sameContent(doc, { ...doc, title: 'Swedish massage' })).toBe(false)
  })
})
