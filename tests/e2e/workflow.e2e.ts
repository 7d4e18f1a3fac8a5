/**
 * The editorial workflow in a real browser, against the real server (tests/e2e/setup): the first
 * account, a writer's article from draft to review, a review round, approval with a health claim,
 * publishing, four eyes, editing live content, and a release of three documents built by a writer,
 * scheduled by a reviewer and going live at once. The scenarios build on each other and run in
 * order; each starts fresh browser contexts (one per person) and ends with a screenshot in
 * tests/e2e/artifacts/.
 */
import type { Browser, Locator, Page } from 'playwright-core'

import {
  actionButton,
  anonymous,
  asUser,
  check,
  contentEditor,
  countPublishOrApproveControls,
  createUserInAdmin,
  eventually,
  expectStage,
  json,
  login,
  nodesOf,
  openArticle,
  openConfirmPanel,
  takeAction,
  textOf,
  waitForAutosave,
  waitForDashboard,
  type ArticleDraft,
  type Person,
} from './support/admin'
import { richText } from '../helpers/content'
import { use } from '../helpers/suite'
import { baseUrl, launchBrowser, withSession, type Session } from './support/browser'

const admin: Person = { email: 'admin@spa.test', password: 'Admin-Calm-Waters-42!', name: 'Ada Admin' }
const writer: Person = { email: 'writer@spa.test', password: 'Writer-Calm-Waters-42!', name: 'Wendy Writer' }
const reviewer: Person = { email: 'reviewer@spa.test', password: 'Reviewer-Calm-Waters-42!', name: 'Rita Reviewer' }

const TITLE = 'Hot stone massage at home'
const NEW_TITLE = 'Hot stone massage at home: a safe routine'
const EXCERPT = 'How to warm the stones, where to place them and when to stop.'
const REVISED_EXCERPT = 'How to warm the stones safely, where to place them and when to stop.'
const HEALTH_CLAIM = 'Regular massage cures stress.'
const META_DESCRIPTION = 'Hot stone massage at home, step by step.'
const REVIEW_COMMENT = 'Please say how warm the stones should be.'
const REVIEW_REPLY = 'Added: 50 °C at most, tested on the forearm.'
const MYTH = 'A massage only works if it hurts'
const THREAD_QUESTION = 'Is this review peer-reviewed? Please link the journal page.'
const THREAD_ANSWER = 'Yes: the link now goes to the journal.'
const CLAIMS_REVIEWERS: Person[] = [
  { email: 'claims-one@spa.test', password: 'Claims-Calm-Waters-42!', name: 'Clara Claims' },
  { email: 'claims-two@spa.test', password: 'Claims-Calm-Waters-43!', name: 'Cody Claims' },
]

/** What the scenarios hand on to the next ones. */
const article: { id?: number; slug?: string } = {}

const browser: Browser = use('the browser', launchBrowser, (running) => running.close())

const articleId = () => {
  check(article.id !== undefined, 'an earlier scenario created the article')
  return article.id
}
const articleSlug = () => {
  check(article.slug !== undefined, 'an earlier scenario created the article')
  return article.slug
}

/** Opens the article from the dashboard's review queue, as a reviewer finds it. */
async function openFromReviewQueue(page: Page, title: string): Promise<void> {
  await page.goto('/admin')
  await waitForDashboard(page)
  const queue = page.getByTestId('review-queue')
  await queue.getByRole('link', { name: title, exact: true }).click()
  await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
  await expectStage(page, 'in_review')
}

/** Approves through the side panel, which insists on the health-claim acknowledgement. */
async function approveWithHealthClaim(page: Page): Promise<void> {
  const confirm = await openConfirmPanel(page, 'approve')
  const checklist = page.getByTestId('workflow-checklist')
  await checklist.waitFor()
  const listed = (await checklist.textContent()) ?? ''
  check(
    /health claim/i.test(listed) && listed.includes('cures'),
    `the checklist flags the health claim, got: ${listed}`,
  )
  check(await confirm.isDisabled(), 'Approve stays disabled until the health claims are acknowledged')
  await page.getByTestId('workflow-acknowledge-claims').check()
  check(await confirm.isEnabled(), 'Approve is enabled once the health claims are acknowledged')
  await confirm.click()
  await expectStage(page, 'approved')
}

/** The review thread that starts with `opening`, in the drawer the Threads button opens. */
async function openThreadPanel(page: Page, opening: string): Promise<Locator> {
  if (!(await page.getByTestId('review-threads').isVisible())) await page.getByTestId('workflow-show-threads').click()
  const thread = page.getByTestId('review-thread').filter({ hasText: opening })
  await thread.waitFor()
  return thread
}

async function replyInThread(page: Page, opening: string, reply: string): Promise<void> {
  const thread = await openThreadPanel(page, opening)
  await thread.getByTestId('review-reply-body').fill(reply)
  await thread.getByTestId('review-reply-send').click()
  await thread.getByTestId('review-reply').filter({ hasText: reply }).waitFor()
}

/** Reads the reply, resolves the thread, and closes the drawer again. */
async function resolveThread(page: Page, opening: string, reply: string): Promise<void> {
  const thread = await openThreadPanel(page, opening)
  await thread.getByTestId('review-reply').filter({ hasText: reply }).waitFor()
  await thread.getByTestId('review-resolve').click()
  await thread.getByTestId('review-reopen').waitFor()
  await page.locator('.drawer__header__close').click()
  await page.getByTestId('review-threads').waitFor({ state: 'hidden' })
}

/**
 * A datetime-local value as Chromium keeps it: it drops zero seconds ("09:30:00" reads back as
 * "09:30"), and Playwright's fill refuses a value that does not read back as written.
 */
const datetimeLocal = (value: string) => value.replace(/:00$/, '')

/** The first scenario that failed: the later ones build on it and stop at once. */
let failedScenario: string | undefined

function scenario(title: string, artifact: string, body: (session: Session) => Promise<void>): void {
  it(title, async () => {
    if (failedScenario) throw new Error(`not run: it builds on "${failedScenario}", which failed`)
    try {
      await withSession(browser, artifact, body)
    } catch (error) {
      failedScenario = title
      throw error
    }
  })
}

describe('editorial workflow in the admin UI', () => {
  scenario(
    '1. the first visitor creates the admin account, who adds a writer and a reviewer',
    '1-first-user',
    async (session) => {
      const page = await session.newPage('admin')
      await page.goto('/admin')
      await page.waitForURL(/\/admin\/create-first-user/)
      await page.locator('#field-email').fill(admin.email)
      await page.locator('#field-password').fill(admin.password)
      await page.locator('#field-confirm-password').fill(admin.password)
      await page.locator('#field-name').fill(admin.name)
      await page.getByRole('button', { name: 'Create', exact: true }).click()
      await waitForDashboard(page)
      // Logged in as an admin: the reviewers' queue is on the dashboard, Users among the collections.
      await page.getByTestId('review-queue').waitFor()
      await page.getByRole('link', { name: 'Show all Users' }).waitFor()
      const me = await json<{ user: { email: string; role: string } }>(await asUser(page).get('/api/users/me'), 200)
      check(
        me.user?.email === admin.email && me.user.role === 'admin',
        `the first account is an admin: ${JSON.stringify(me.user)}`,
      )

      await createUserInAdmin(page, writer, 'Writer')
      await createUserInAdmin(page, reviewer, 'Reviewer')

      const users = await json<{ docs: { email: string; role: string }[] }>(
        await asUser(page).get('/api/users?depth=0&limit=10'),
        200,
      )
      const roles = Object.fromEntries(users.docs.map((user) => [user.email, user.role]))
      check(
        roles[admin.email] === 'admin' && roles[writer.email] === 'writer' && roles[reviewer.email] === 'reviewer',
        `accounts and roles: ${JSON.stringify(roles)}`,
      )
      await page.goto('/admin/collections/users')
      for (const person of [admin, writer, reviewer]) await page.getByRole('link', { name: person.email }).waitFor()
    },
  )

  scenario(
    '2. a writer drafts an article with a heading, a list and a table, autosaves and submits it; no Publish or Approve for writers',
    '2-writer-drafts-and-submits',
    async (session) => {
      const page = await session.newPage('writer')
      await login(page, writer)
      // Articles → Create New fails in the admin (see the known-bug test at the end), so the
      // draft starts with its title through the API, with the writer's session, as the create
      // view would do; everything else is typed in the editor.
      const created = await json<{ doc: ArticleDraft }>(
        await asUser(page).post('/api/articles?draft=true', { title: TITLE }),
        201,
      )
      article.id = created.doc.id
      article.slug = created.doc.slug
      check(article.slug === 'hot-stone-massage-at-home', `slug from the title: ${article.slug}`)

      // The writer finds the draft under their work in progress on the dashboard.
      await page.goto('/admin')
      await waitForDashboard(page)
      await page.getByTestId('my-work').getByRole('link', { name: TITLE, exact: true }).click()
      await page.waitForURL(new RegExp(`/admin/collections/articles/${article.id}$`))
      await expectStage(page, 'draft')
      check((await page.locator('#field-title').inputValue()) === TITLE, 'the title field shows the title')

      await page.locator('#field-excerpt').fill(EXCERPT)
      const editor = contentEditor(page)
      await editor.click()
      // Markdown shortcuts at the start of a line: "## " makes a heading, "- " a bulleted list.
      await page.keyboard.type('## Before you start')
      await page.keyboard.press('Enter')
      await page.keyboard.type(`Warm stones relax tight muscles. ${HEALTH_CLAIM}`)
      await page.keyboard.press('Enter')
      await page.keyboard.type('- Heat the stones in water, never in a microwave')
      await page.keyboard.press('Enter')
      await page.keyboard.type('Test every stone on your forearm')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter') // ends the list
      // A table from the slash menu: it asks for the size in a drawer.
      await page.keyboard.type('/table')
      await page.getByRole('option', { name: 'Table' }).click()
      const tableDrawer = page.locator('.drawer__content').filter({ hasText: 'Create Table' })
      await tableDrawer.locator('#field-rows').fill('2')
      await tableDrawer.locator('#field-columns').fill('2')
      await tableDrawer.getByRole('button', { name: 'Save changes' }).click()
      await tableDrawer.waitFor({ state: 'hidden' })
      const cells = editor.locator('table').locator('th, td')
      await eventually('a 2 × 2 table in the editor', async () => (await cells.count()) === 4)
      for (const [index, text] of ['Stone', 'Temperature', 'Basalt', '50 °C'].entries()) {
        await cells.nth(index).click()
        await page.keyboard.type(text)
      }

      // No Save Draft button on articles (autosave only): the autosave keeps the draft.
      const saved = await waitForAutosave(page, article.id, 'the new content', (draft) => {
        const nodes = nodesOf(draft.content?.root)
        return (
          draft.excerpt === EXCERPT &&
          nodes.some((node) => node.type === 'heading' && node.tag === 'h2' && textOf(node) === 'Before you start') &&
          nodes.some((node) => node.type === 'list' && (node.children?.length ?? 0) === 2) &&
          nodes.some((node) => node.type === 'table' && textOf(node) === 'StoneTemperatureBasalt50 °C') &&
          nodes.some((node) => node.type === 'paragraph' && textOf(node).includes(HEALTH_CLAIM))
        )
      })
      check(saved.workflowStage === 'draft', `still a draft: ${saved.workflowStage}`)

      // An edit after that is autosaved too, into the newest version.
      await page.locator('#field-seo__metaDescription').fill(META_DESCRIPTION)
      const resaved = await waitForAutosave(
        page,
        article.id,
        'the SEO description',
        (draft) => draft.seo?.metaDescription === META_DESCRIPTION,
      )
      check(resaved.updatedAt > saved.updatedAt, `the draft was saved again: ${saved.updatedAt} → ${resaved.updatedAt}`)
      const versions = await json<{ docs: { autosave?: boolean; version: ArticleDraft }[] }>(
        await asUser(page).get(
          `/api/articles/versions?where[parent][equals]=${article.id}&sort=-updatedAt&limit=1&depth=0`,
        ),
        200,
      )
      check(
        versions.docs[0]?.version.seo?.metaDescription === META_DESCRIPTION,
        'the newest version holds the autosaved edit',
      )

      await takeAction(page, 'submit', 'in_review')
      await page.getByText('Submit for review: done.').waitFor()
      check((await countPublishOrApproveControls(page)) === 0, 'a writer sees no Publish and no Approve control')
    },
  )

  scenario(
    '3. the reviewer compares, requests changes with a comment; the writer reads it, revises and resubmits',
    '3-request-changes',
    async (session) => {
      const id = articleId()
      const review = await session.newPage('reviewer')
      await login(review, reviewer)
      await openFromReviewQueue(review, TITLE)
      check(
        review.url().endsWith(`/admin/collections/articles/${id}`),
        `the queue links to the article: ${review.url()}`,
      )

      await review.getByTestId('workflow-compare').click()
      await review.waitForURL(new RegExp(`/admin/collections/articles/${id}/versions`))
      await review.locator('main.versions').getByText('Current Draft').waitFor()
      await review.goBack()
      await expectStage(review, 'in_review')

      const confirm = await openConfirmPanel(review, 'request_changes')
      check(await confirm.isDisabled(), 'Request changes needs a comment first')
      await review.getByTestId('workflow-comment').fill(REVIEW_COMMENT)
      await confirm.click()
      await expectStage(review, 'changes_requested')

      const page = await session.newPage('writer')
      await login(page, writer)
      // Returned items come first in the writer's work in progress.
      await page
        .getByTestId('my-work')
        .locator('.review-dashboard__item--returned')
        .getByRole('link', { name: TITLE, exact: true })
        .click()
      await page.waitForURL(new RegExp(`/admin/collections/articles/${id}$`))
      await expectStage(page, 'changes_requested')
      await page.getByTestId('workflow-show-comment').click()
      const comment = page.getByTestId('workflow-review-comment')
      await comment.waitFor()
      check(
        (await comment.textContent())?.trim() === REVIEW_COMMENT,
        `the writer reads the reviewer's comment: ${await comment.textContent()}`,
      )
      // The comment opened a review thread: the writer answers it there.
      await replyInThread(page, REVIEW_COMMENT, REVIEW_REPLY)
      await page.locator('.drawer__header__close').click()
      await comment.waitFor({ state: 'hidden' })

      await page.locator('#field-excerpt').fill(REVISED_EXCERPT)
      await waitForAutosave(page, id, 'the revised excerpt', (draft) => draft.excerpt === REVISED_EXCERPT)
      await takeAction(page, 'submit', 'in_review')
    },
  )

  scenario(
    '4. the reviewer acknowledges the health claim, approves and publishes; only then the public API shows it',
    '4-approve-and-publish',
    async (session) => {
      const slug = articleSlug()
      const page = await session.newPage('reviewer')
      await login(page, reviewer)
      await openFromReviewQueue(page, TITLE)

      check((await anonymous.graphqlArticleTitlesBySlug(slug)).length === 0, 'nothing public before the approval')
      // The reviewer reads the writer's answer and resolves the thread before approving.
      await resolveThread(page, REVIEW_COMMENT, REVIEW_REPLY)
      await approveWithHealthClaim(page)
      check((await anonymous.graphqlArticleTitlesBySlug(slug)).length === 0, 'approved is not public yet')

      await takeAction(page, 'publish', 'published')
      const titles = await anonymous.graphqlArticleTitlesBySlug(slug)
      check(
        titles.length === 1 && titles[0] === TITLE,
        `published: anonymous GraphQL finds it: ${JSON.stringify(titles)}`,
      )
      const published = await json<{ docs: { excerpt: string }[] }>(
        await asUser(page).get(`/api/articles?where[slug][equals]=${slug}&depth=0`),
        200,
      )
      check(published.docs[0]?.excerpt === REVISED_EXCERPT, 'the revised excerpt went live')
    },
  )

  scenario(
    '5. a reviewer cannot approve an article they submitted themselves',
    '5-no-self-approval',
    async (session) => {
      const page = await session.newPage('reviewer')
      await login(page, reviewer)
      const title = 'Aromatherapy oils for beginners'
      const created = await json<{ doc: ArticleDraft }>(
        await asUser(page).post('/api/articles?draft=true', {
          title,
          excerpt: 'Which oils to start with and how to dilute them.',
        }),
        201,
      )
      const id = created.doc.id
      await openArticle(page, id)
      await expectStage(page, 'draft')
      await takeAction(page, 'submit', 'in_review')

      // The server leaves Approve out of this reviewer's actions, so the admin shows no button…
      await actionButton(page, 'request_changes').waitFor()
      check((await actionButton(page, 'approve').count()) === 0, 'no Approve control for the submitter')
      const status = await json<{ actions: { action: string }[] }>(
        await asUser(page).get(`/api/articles/${id}/workflow`),
        200,
      )
      const actions = status.actions.map(({ action }) => action)
      check(
        !actions.includes('approve') && actions.includes('request_changes'),
        `available actions: ${actions.join(', ')}`,
      )
      // …and refuses the action if it is sent anyway.
      const refused = await asUser(page).post(`/api/articles/${id}/workflow`, {
        action: 'approve',
        acknowledgeClaims: true,
      })
      const body = await refused.text()
      check(
        refused.status() === 403 && /submitted|edited/i.test(body),
        `the server refuses self-approval: ${refused.status()} ${body}`,
      )
    },
  )

  scenario(
    '5b. a myth needs two claims reviewers: one opens a thread, the writer answers, it is resolved, both approve',
    '5b-myth-two-approvals',
    async (session) => {
      const adminPage = await session.newPage('admin')
      await login(adminPage, admin)
      for (const person of CLAIMS_REVIEWERS) {
        const account = { ...person, role: 'reviewer', reviewerRoles: ['claims-reviewer'] }
        await json(await asUser(adminPage).post('/api/users', account), 201)
      }
      const page = await session.newPage('writer')
      await login(page, writer)
      const created = await json<{ doc: { id: number } }>(
        await asUser(page).post('/api/myths?draft=true', {
          myth: MYTH,
          fact: richText('Firm pressure can feel good, but gentle massage relaxes muscles just as well.'),
          sources: [{ title: 'A review of massage pressure', url: 'https://example.org/pressure-review' }],
        }),
        201,
      )
      const mythURL = `/admin/collections/myths/${created.doc.id}`
      await page.goto(mythURL)
      await takeAction(page, 'submit', 'in_review')

      const [first, second] = await Promise.all(CLAIMS_REVIEWERS.map((person) => session.newPage(person.name)))
      await login(first, CLAIMS_REVIEWERS[0])
      await first.goto(mythURL)
      await expectStage(first, 'in_review')
      await first.getByTestId('workflow-show-threads').click()
      await first.getByTestId('review-new-thread').fill(THREAD_QUESTION)
      await first.getByTestId('review-new-thread-field').selectOption('sources')
      await first.getByTestId('review-open-thread').click()
      await first.getByTestId('review-thread').filter({ hasText: THREAD_QUESTION }).waitFor()
      await first.locator('.drawer__header__close').click()

      await page.reload()
      await expectStage(page, 'in_review')
      await replyInThread(page, THREAD_QUESTION, THREAD_ANSWER)

      await first.reload()
      await resolveThread(first, THREAD_QUESTION, THREAD_ANSWER)
      await (await openConfirmPanel(first, 'approve')).click()
      await expectStage(first, 'in_review')
      const count = first.getByTestId('workflow-approval-count')
      await count.filter({ hasText: 'Approvals 1/2' }).waitFor()
      check((await actionButton(first, 'approve').count()) === 0, 'nobody approves the same version twice')

      await login(second, CLAIMS_REVIEWERS[1])
      await second.goto(mythURL)
      await (await openConfirmPanel(second, 'approve')).click()
      await expectStage(second, 'approved')
      await takeAction(second, 'publish', 'published')
      // An anonymous reader (no session) now gets it from the public API.
      const response = await fetch(new URL(`/api/myths?where[id][equals]=${created.doc.id}&depth=0`, baseUrl()))
      const live = (await response.json()) as { docs: { myth: string }[] }
      check(live.docs[0]?.myth === MYTH, `the myth went live: ${JSON.stringify(live.docs)}`)
    },
  )

  scenario(
    '6. editing the published article keeps the live version until the new draft is approved and published',
    '6-edit-published',
    async (session) => {
      const id = articleId()
      const slug = articleSlug()
      const page = await session.newPage('writer')
      await login(page, writer)
      await page.getByRole('link', { name: 'Show all Articles' }).click()
      await page.waitForURL(/\/admin\/collections\/articles(\?|$)/)
      await page.getByRole('link', { name: TITLE, exact: true }).click()
      await page.waitForURL(new RegExp(`/admin/collections/articles/${id}$`))
      await expectStage(page, 'published')

      await page.locator('#field-title').fill(NEW_TITLE)
      const draft = await waitForAutosave(page, id, 'the new title', (saved) => saved.title === NEW_TITLE)
      check(draft.slug === slug, `the slug stays: ${draft.slug}`)
      check(draft.workflowStage === 'draft', `editing live content starts a new draft: ${draft.workflowStage}`)
      check(
        JSON.stringify(await anonymous.articleTitlesBySlug(slug)) === JSON.stringify([TITLE]),
        'the public still gets the old title (REST)',
      )
      check(
        JSON.stringify(await anonymous.graphqlArticleTitlesBySlug(slug)) === JSON.stringify([TITLE]),
        'the public still gets the old title (GraphQL)',
      )

      // The writer submits (whoever submits may not approve), the reviewer approves and publishes.
      await page.reload()
      await expectStage(page, 'draft')
      await takeAction(page, 'submit', 'in_review')

      const review = await session.newPage('reviewer')
      await login(review, reviewer)
      await openFromReviewQueue(review, NEW_TITLE)
      await approveWithHealthClaim(review)
      check(
        JSON.stringify(await anonymous.articleTitlesBySlug(slug)) === JSON.stringify([TITLE]),
        'approved: still the old title in public',
      )
      await takeAction(review, 'publish', 'published')
      const titles = await anonymous.articleTitlesBySlug(slug)
      check(
        JSON.stringify(titles) === JSON.stringify([NEW_TITLE]),
        `the public gets the new title: ${JSON.stringify(titles)}`,
      )
    },
  )

  scenario(
    '8. a reviewer in another time zone schedules a publish from the action bar; it goes live by itself',
    '8-schedule-publish',
    async (session) => {
      const title = 'Foot reflexology before bed'
      const write = await session.newPage('writer')
      await login(write, writer)
      const created = await json<{ doc: ArticleDraft }>(
        await asUser(write).post('/api/articles?draft=true', {
          title,
          excerpt: 'Five minutes that help you fall asleep.',
        }),
        201,
      )
      const id = created.doc.id
      await json(await asUser(write).post(`/api/articles/${id}/workflow`, { action: 'submit' }), 200)

      // Auckland is 13 hours ahead of UTC in December: a time read in the wrong zone would be far off.
      const timeZone = 'Pacific/Auckland'
      const page = await session.newPage('reviewer', { timezoneId: timeZone })
      await login(page, reviewer)
      await json(
        await asUser(page).post(`/api/articles/${id}/workflow`, { action: 'approve', acknowledgeClaims: true }),
        200,
      )
      await openArticle(page, id)
      await expectStage(page, 'approved')

      await page.getByTestId('workflow-schedule-publish').click()
      const when = page.getByTestId('workflow-schedule-at')
      await when.waitFor()
      await page.getByText(`Your time zone: ${timeZone}`).waitFor()
      const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 20_000)
      // What the reviewer types: the wall-clock time in Auckland.
      const wall = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        })
          .formatToParts(at)
          .map((part) => [part.type, part.value]),
      )
      await when.fill(
        datetimeLocal(`${wall.year}-${wall.month}-${wall.day}T${wall.hour}:${wall.minute}:${wall.second}`),
      )
      await page.getByTestId('workflow-confirm-schedule').click()
      await page.getByText('Publish scheduled for').waitFor()
      await page.getByTestId('workflow-scheduled-note').waitFor()
      await expectStage(page, 'approved')

      const scheduled = await json<{ docs: { documentId: number; at: string; scheduledBy: { email: string } }[] }>(
        await asUser(page).get('/api/workflow/scheduled'),
        200,
      )
      const mine = scheduled.docs.find((item) => item.documentId === id)
      check(
        mine?.at === at.toISOString(),
        `scheduled for the moment the reviewer chose in ${timeZone}: ${mine?.at} (expected ${at.toISOString()})`,
      )
      check(mine.scheduledBy.email === reviewer.email, `scheduled by the reviewer: ${mine.scheduledBy.email}`)

      // The dashboard lists it, with a Cancel button for its owner.
      await page.goto('/admin')
      await waitForDashboard(page)
      const panel = page.getByTestId('scheduled')
      await panel.getByRole('link', { name: title, exact: true }).waitFor()
      await panel.getByRole('button', { name: 'Cancel' }).first().waitFor()
      check((await anonymous.articleTitlesBySlug(created.doc.slug)).length === 0, 'not public before its time')

      await eventually(
        'the scheduled publish',
        async () => (await anonymous.articleTitlesBySlug(created.doc.slug)).includes(title),
        90_000,
      )
      await page.reload()
      await waitForDashboard(page)
      await page.getByTestId('scheduled').getByText('Nothing is scheduled.').waitFor()
    },
  )

  scenario(
    '9. a writer builds a release of three documents in the admin, a reviewer schedules it, and all three go live at once',
    '9-release',
    async (session) => {
      const writerPage = await session.newPage('writer')
      await login(writerPage, writer)
      const reviewerPage = await session.newPage('reviewer')
      await login(reviewerPage, reviewer)
      // Three approved documents of the winter campaign, through the API (the workflow's own UI is scenario 2–5).
      const drafts = [
        { collection: 'articles', data: { title: 'Winter hot stone ritual', excerpt: 'Warm stones for cold days.' } },
        { collection: 'techniques', data: { name: 'Winter hot stones', summary: 'Basalt stones at 50 °C.' } },
        {
          collection: 'faqs',
          data: { question: 'Can I book hot stones in winter?', answer: richText('Yes, all season.') },
        },
      ]
      const items: { collection: string; id: number; title: string }[] = []
      for (const { collection, data } of drafts) {
        const { doc } = await json<{ doc: { id: number } }>(
          await asUser(writerPage).post(`/api/${collection}?draft=true`, data),
          201,
        )
        await json(await asUser(writerPage).post(`/api/${collection}/${doc.id}/workflow`, { action: 'submit' }), 200)
        await json(await asUser(reviewerPage).post(`/api/${collection}/${doc.id}/workflow`, { action: 'approve' }), 200)
        items.push({ collection, id: doc.id, title: String(Object.values(data)[0]) })
      }
      const { doc: release } = await json<{ doc: { id: number } }>(
        await asUser(writerPage).post('/api/releases', { title: 'Winter hot stone season' }),
        201,
      )

      // The writer adds each document from its own action bar.
      for (const item of items) {
        await writerPage.goto(`/admin/collections/${item.collection}/${item.id}`)
        await writerPage.getByTestId('release-choose').selectOption({ label: 'Winter hot stone season' })
        await writerPage.getByTestId('release-add').click()
        await writerPage.getByText('Added to the release “Winter hot stone season”.').waitFor()
      }
      // The release's view: three documents, each ready; writers may not publish or schedule.
      await writerPage.goto(`/admin/collections/releases/${release.id}`)
      const panel = writerPage.getByTestId('release-panel')
      await eventually('three ready items', async () => (await panel.getByTestId('release-item-ready').count()) === 3)
      check((await panel.getByTestId('release-publish').count()) === 0, 'no Publish for writers')
      check((await panel.getByTestId('release-schedule').count()) === 0, 'no Schedule for writers')

      // The reviewer schedules it a few seconds ahead, in their own time zone.
      await reviewerPage.goto(`/admin/collections/releases/${release.id}`)
      const atLocal = await reviewerPage.evaluate(() => {
        const at = new Date(Date.now() + 8_000)
        const two = (n: number) => String(n).padStart(2, '0')
        return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`
      })
      await reviewerPage.getByTestId('release-schedule-at').fill(datetimeLocal(atLocal))
      await reviewerPage.getByTestId('release-schedule').click()
      await reviewerPage.getByTestId('release-state').getByText('scheduled').waitFor()
      for (const item of items)
        check(
          (await anonymous.idsOf(item.collection, item.id)).length === 0,
          `${item.title} is not public before its time`,
        )

      // Whenever the release reads as published, every one of its documents is public.
      await eventually(
        'the scheduled release',
        async () => {
          const { state } = await json<{ state: string }>(
            await asUser(reviewerPage).get(`/api/releases/${release.id}/readiness`),
            200,
          )
          const visible = await Promise.all(
            items.map(async (item) => (await anonymous.idsOf(item.collection, item.id)).length),
          )
          if (state !== 'published') return false
          check(
            visible.every((count) => count === 1),
            `all three public once the release is published: ${visible.join(', ')}`,
          )
          return true
        },
        90_000,
      )
      await reviewerPage.reload()
      await reviewerPage.getByTestId('release-state').getByText('published').waitFor()
    },
  )

  // Articles autosave: Payload's create view saves an empty draft at once, which must be accepted.
  it('7. Articles → Create New opens the article editor', async () => {
    await withSession(browser, '7-create-article', async (session) => {
      const page = await session.newPage('writer')
      await login(page, writer)
      await page.getByRole('link', { name: 'Show all Articles' }).click()
      await page.waitForURL(/\/admin\/collections\/articles(\?|$)/)
      await page.getByRole('link', { name: 'Create New' }).first().click()
      await page.waitForURL(/\/admin\/collections\/articles\/\d+$/, { timeout: 10_000 })
      await page.locator('#field-title').waitFor({ timeout: 10_000 })
    })
  })
})
