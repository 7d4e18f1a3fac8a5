/**
 * What a person does in the Payload admin (log in, create accounts, edit an article, take
 * workflow actions), and the HTTP look-ups the tests make to check the outcome.
 */
import type { APIResponse, Locator, Page } from 'playwright-core'

import { STAGE_LABELS, type Action, type Stage } from '../../../src/workflow/transitions'
import { httpClient } from '../../helpers/http'
import { baseUrl } from './browser'

export interface Person {
  email: string
  password: string
  name: string
}

/** How long the UI may take for anything that is not a page load plus a server round trip. */
const UI_TIMEOUT = 30_000

export class Check extends Error {
  override name = 'CheckFailed'
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Check(message)
}

/** Polls `probe` until it returns something truthy (or `timeout` passes): the UI is asynchronous. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeout = UI_TIMEOUT,
): Promise<T> {
  const deadline = Date.now() + timeout
  let last: unknown
  for (;;) {
    try {
      const result = await probe()
      if (result) return result
      last = result
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Check(
        `${what}: not within ${timeout} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
      )
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

// ── Logging in ─────────────────────────────────────────────────────────────────────────────────

/** The admin dashboard has rendered the workflow panels (which load after the user is known). */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
  await page.locator('.review-dashboard__panel').first().waitFor()
  await page.getByRole('heading', { name: 'Collections' }).waitFor()
}

export async function login(page: Page, person: Person): Promise<void> {
  await page.goto('/admin')
  await page.waitForURL(/\/admin\/login/)
  await page.locator('#field-email').fill(person.email)
  await page.locator('#field-password').fill(person.password)
  await page.getByRole('button', { name: 'Login', exact: true }).click()
  await waitForDashboard(page)
}

// ── Accounts ───────────────────────────────────────────────────────────────────────────────────

export async function createUserInAdmin(
  page: Page,
  person: Person,
  role: 'Writer' | 'Reviewer' | 'Admin',
): Promise<void> {
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Show all Users' }).click()
  await page.waitForURL(/\/admin\/collections\/users(\?|$)/)
  await page.getByRole('link', { name: 'Create New' }).first().click()
  await page.waitForURL(/\/admin\/collections\/users\/create/)
  await page.locator('#field-email').fill(person.email)
  await page.locator('#field-password').fill(person.password)
  await page.locator('#field-confirm-password').fill(person.password)
  await page.locator('#field-name').fill(person.name)
  // The role is a react-select: open it, pick the option, check what it shows.
  const roleField = page.locator('#field-role')
  await roleField.click()
  await page.getByRole('option', { name: role, exact: true }).click()
  await roleField.locator('.rs__single-value', { hasText: role }).waitFor()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.waitForURL(/\/admin\/collections\/users\/\d+/)
  await page.locator('#field-email').waitFor()
  check((await page.locator('#field-email').inputValue()) === person.email, `the saved account shows ${person.email}`)
}

// ── HTTP ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A request with the session of the user logged in on `page`. Payload accepts a session cookie
 * from a non-browser client only with the admin's Origin (CSRF protection).
 */
export function asUser(page: Page) {
  const request = page.context().request
  const headers = { origin: new URL(baseUrl()).origin }
  return {
    get: (path: string) => request.get(path, { headers }),
    post: (path: string, data: unknown) => request.post(path, { headers, data }),
  }
}

export async function json<T = Record<string, unknown>>(response: APIResponse, expectedStatus: number): Promise<T> {
  const body = await response.text()
  check(
    response.status() === expectedStatus,
    `${response.url()}: expected HTTP ${expectedStatus}, got ${response.status()}: ${body.slice(0, 500)}`,
  )
  return JSON.parse(body) as T
}

/** An anonymous reader of the public API (no cookie: the tests' HTTP client, not the browser). */
const reader = httpClient({
  get baseUrl() {
    return baseUrl()
  },
})

export const anonymous = {
  async articleTitlesBySlug(slug: string): Promise<string[]> {
    const { status, body } = await reader.get(`/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=0`)
    check(status >= 200 && status < 300, `anonymous REST answered ${status}`)
    return (body as { docs: { title: string }[] }).docs.map((doc) => doc.title)
  },
  async graphqlArticleTitlesBySlug(slug: string): Promise<string[]> {
    const query = `{ Articles(where: { slug: { equals: ${JSON.stringify(slug)} } }) { docs { title } } }`
    const { status, body } = (await reader.graphql(query)) as {
      status: number
      body: { data?: { Articles: { docs: { title: string }[] } }; errors?: unknown }
    }
    check(
      status >= 200 && status < 300 && body.data && !body.errors,
      `anonymous GraphQL answered ${status}: ${JSON.stringify(body).slice(0, 500)}`,
    )
    return body.data.Articles.docs.map((doc) => doc.title)
  },
  /** The ids an anonymous reader gets for one document of any collection: [] while it is not public. */
  async idsOf(collection: string, id: number): Promise<number[]> {
    const { status, body } = await reader.get(`/api/${collection}?where[id][equals]=${id}&depth=0`)
    check(status >= 200 && status < 300, `anonymous REST answered ${status}`)
    return (body as { docs: { id: number }[] }).docs.map((doc) => doc.id)
  },
}

// ── Articles ───────────────────────────────────────────────────────────────────────────────────

export interface ArticleDraft {
  id: number
  slug: string
  title: string
  excerpt?: string | null
  content?: { root: LexicalNode } | null
  seo?: { metaTitle?: string | null; metaDescription?: string | null }
  workflowStage: Stage
  updatedAt: string
}

export interface LexicalNode {
  type: string
  tag?: string
  text?: string
  children?: LexicalNode[]
}

/** The newest draft of an article, as its author or a reviewer sees it. */
export async function latestDraft(page: Page, id: number): Promise<ArticleDraft> {
  return json<ArticleDraft>(await asUser(page).get(`/api/articles/${id}?draft=true&depth=0`), 200)
}

/** Every node of a rich-text tree, depth first. */
export function nodesOf(node: LexicalNode | undefined): LexicalNode[] {
  if (!node) return []
  return [node, ...(node.children ?? []).flatMap(nodesOf)]
}

export const textOf = (node: LexicalNode): string =>
  nodesOf(node)
    .map((child) => child.text ?? '')
    .join('')

export async function openArticle(page: Page, id: number): Promise<void> {
  await page.goto(`/admin/collections/articles/${id}`)
  await page.locator('#field-title').waitFor()
  await page.getByTestId('workflow-stage').waitFor()
}

/** The Lexical editor of the article body. */
export const contentEditor = (page: Page): Locator =>
  page.locator('.rich-text-lexical [data-lexical-editor="true"]').first()

/**
 * Articles save themselves (autosave every 2 s, PATCH …?autosave=true&draft=true): wait until the
 * saved draft satisfies `saved`, then until the form has nothing unsaved (the workflow buttons
 * apply to the saved document and stay disabled while the form is modified).
 */
export async function waitForAutosave(
  page: Page,
  id: number,
  what: string,
  saved: (draft: ArticleDraft) => boolean,
): Promise<ArticleDraft> {
  const draft = await eventually(`autosave of ${what}`, async () => {
    const current = await latestDraft(page, id)
    return saved(current) ? current : undefined
  })
  await page
    .locator('.autosave')
    .filter({ hasText: /Last saved/ })
    .waitFor({ timeout: UI_TIMEOUT })
  return draft
}

// ── Workflow ───────────────────────────────────────────────────────────────────────────────────

export const actionButton = (page: Page, action: Action): Locator => page.getByTestId(`workflow-action-${action}`)

/** The stage badge shows `stage` (its data attribute and its label). */
export async function expectStage(page: Page, stage: Stage): Promise<void> {
  const badge = page.locator(`[data-testid="workflow-stage"][data-stage="${stage}"]`)
  await badge.waitFor({ timeout: UI_TIMEOUT })
  const label = (await badge.textContent())?.trim()
  check(label === STAGE_LABELS[stage], `the stage badge reads "${STAGE_LABELS[stage]}", not "${label}"`)
}

/**
 * Clicks a workflow action that needs no confirmation (submit, publish): the page reloads and
 * shows the new stage.
 */
export async function takeAction(page: Page, action: Action, expected: Stage): Promise<void> {
  const button = actionButton(page, action)
  await button.click() // waits until enabled: disabled while the form has unsaved changes
  await expectStage(page, expected)
}

/** The side panel that Request changes, Approve and Unpublish open, with its confirm button. */
export async function openConfirmPanel(
  page: Page,
  action: 'request_changes' | 'approve' | 'unpublish',
): Promise<Locator> {
  await actionButton(page, action).click()
  const confirm = page.getByTestId('workflow-confirm')
  await confirm.waitFor()
  return confirm
}

/** Nothing on the page lets this user publish or approve: no workflow control, no Payload button. */
export async function countPublishOrApproveControls(page: Page): Promise<number> {
  const counts = await Promise.all([
    page.locator('[data-testid="workflow-action-publish"]').count(),
    page.locator('[data-testid="workflow-action-approve"]').count(),
    page.getByRole('button', { name: /^Publish/ }).count(),
    page
      .locator('button')
      .filter({ hasText: /^\s*Publish/ })
      .count(),
    page.getByRole('button', { name: /^Approve/ }).count(),
  ])
  return counts.reduce((sum, count) => sum + count, 0)
}
