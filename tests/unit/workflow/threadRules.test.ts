import type { WorkflowActor } from '../../../src/workflow/machine'
import {
  bodyRefusal,
  commentRefusal,
  MAX_COMMENT_LENGTH,
  openThreadsOnVersion,
  replyDigests,
  resolveRefusal,
  threadVersionFor,
} from '../../../src/workflow/review/threadRules'

const writer: WorkflowActor = { id: 1, role: 'writer' }
const otherWriter: WorkflowActor = { id: 2, role: 'writer' }
const reviewer: WorkflowActor = { id: 3, role: 'reviewer' }
const admin: WorkflowActor = { id: 4, role: 'admin' }

describe('who takes part in a thread', () => {
  it('writers comment on their own documents; reviewers and admins on any', () => {
    expect(commentRefusal(writer, 1)).toBeUndefined()
    expect(commentRefusal(writer, '1')).toBeUndefined()
    expect(commentRefusal(otherWriter, 1)).toEqual({
      status: 403,
      reason: 'Writers comment on their own documents; reviewers and admins comment on any.',
    })
    expect(commentRefusal(otherWriter, null)).toMatchObject({ status: 403 })
    expect(commentRefusal(reviewer, 1)).toBeUndefined()
    expect(commentRefusal(admin, null)).toBeUndefined()
  })

  it('whoever opened a thread, reviewers and admins resolve it; other writers do not', () => {
    expect(resolveRefusal(writer, 1)).toBeUndefined()
    expect(resolveRefusal(writer, 3)).toMatchObject({ status: 403 })
    expect(resolveRefusal(reviewer, 1)).toBeUndefined()
    expect(resolveRefusal(admin, 1)).toBeUndefined()
  })

  it.each([
    [undefined, 400],
    [42, 400],
    ['   \n ', 400],
    ['x'.repeat(MAX_COMMENT_LENGTH + 1), 400],
  ])('a comment needs words: %p is refused', (body, status) => {
    expect(bodyRefusal(body)).toMatchObject({ status })
  })

  it('accepts a comment of up to the maximum length', () => {
    expect(bodyRefusal('Please cite the 2019 study here.')).toBeUndefined()
    expect(bodyRefusal('x'.repeat(MAX_COMMENT_LENGTH))).toBeUndefined()
  })
})

describe('which version a thread is about', () => {
  it('the version submitted while in review, else the newest', () => {
    expect(threadVersionFor('in_review', '7', '9')).toBe('7')
    expect(threadVersionFor('changes_requested', '7', '9')).toBe('9')
    expect(threadVersionFor('in_review', null, '9')).toBe('9')
  })

  it('counts open threads on one version only', () => {
    const threads = [
      { versionId: '7', resolved: false },
      { versionId: '7', resolved: true },
      { versionId: '5', resolved: false },
      { versionId: '7' },
    ]
    expect(openThreadsOnVersion(threads, '7')).toBe(2)
    expect(openThreadsOnVersion(threads, '6')).toBe(0)
    expect(openThreadsOnVersion(threads, null)).toBe(0)
  })
})

describe('reply mails', () => {
  const ana = { id: 1, email: 'ana@spa.test', name: 'Ana' }
  const rita = { id: 3, email: 'rita@spa.test', name: 'Rita' }
  const reply = (authorId: number, body: string) => ({ authorId, authorName: String(authorId), body, createdAt: '' })

  it('everyone in the thread hears about the replies of others, once each', () => {
    const replies = [reply(1, 'Done.'), reply(3, 'Thanks!'), reply(1, 'One more fix.')]
    expect(replyDigests([ana, rita, ana], replies)).toEqual([
      { to: ana, replies: [replies[1]] },
      { to: rita, replies: [replies[0], replies[2]] },
    ])
  })

  it('nobody is mailed only their own words', () => {
    expect(replyDigests([ana, rita], [reply(1, 'Done.')])).toEqual([{ to: rita, replies: [reply(1, 'Done.')] }])
  })
})
