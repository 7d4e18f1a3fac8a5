/**
 * The browser side of the end-to-end tests: one Chromium for the whole run, a fresh context
 * (cookies, storage) per user and test, and what a failing test leaves behind to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const ARTIFACTS_DIR = path.join(process.cwd(), 'tests/e2e/artifacts')

/** The Debian Chromium; `npx playwright install` has nowhere to download from here. */
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}

/** The server the global setup started (tests/e2e/setup/globalSetup.ts). */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with jest -c jest.e2e.config.mjs')
  return url
}

/** Name of the function through which pages report content security policy violations. */
const REPORT_CSP_VIOLATION = '__reportContentSecurityViolation'

/** What a test has open: a browser context per user, and everything their pages logged. */
export class Session {
  private readonly contexts: BrowserContext[] = []
  private readonly log: string[] = []
  /** Images the admin failed to show: blocked by our content security policy, or not loaded. */
  private readonly imageProblems: string[] = []
  /** The page the test used last: its screenshot ends the test. */
  current: Page | undefined

  constructor(private readonly browser: Browser) {}

  /** A fresh context (no cookies) for one user, and a page in it; `timezoneId` is the user's time zone. */
  async newPage(user: string, { timezoneId }: { timezoneId?: string } = {}): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 1400, height: 1000 },
      timezoneId,
    })
    // Only the CMS answers: nothing outside it may slow a test down.
    const origin = new URL(baseUrl()).origin
    await context.route(
      (url) => url.origin !== origin && url.protocol.startsWith('http'),
      (route) => route.abort('blockedbyclient'),
    )
    const note = (line: string) => this.log.push(`${new Date().toISOString()} [${user}] ${line}`)
    const imageProblem = (line: string) => {
      this.imageProblems.push(`[${user}] ${line}`)
      note(line)
    }
    await context.exposeBinding(REPORT_CSP_VIOLATION, ({ page }, violation: { directive: string; blocked: string }) => {
      const line = `${page.url()}: the content security policy (${violation.directive}) blocked ${violation.blocked}`
      // Only images fail a test for now: the JSON field's code editor (Monaco) is also fetched from a CDN.
      if (violation.directive === 'img-src') imageProblem(line)
      else note(line)
    })
    await context.addInitScript((report) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const reporter = (
          window as unknown as Record<string, (violation: { directive: string; blocked: string }) => void>
        )[report]
        reporter({ directive: event.effectiveDirective, blocked: event.blockedURI })
      })
    }, REPORT_CSP_VIOLATION)
    this.contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => note(`console.${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => note(`pageerror: ${error.stack ?? error.message}`))
    page.on('requestfailed', (request) => {
      const line = `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`
      // ERR_ABORTED: the page moved on before the image arrived, which the user never sees.
      if (request.resourceType() === 'image' && request.failure()?.errorText !== 'net::ERR_ABORTED')
        imageProblem(`${page.url()}: image not shown, ${line}`)
      else note(line)
    })
    page.on('response', (response) => {
      const line = `HTTP ${response.status()}: ${response.request().method()} ${response.url()}`
      if (response.status() >= 400 && response.request().resourceType() === 'image')
        imageProblem(`${page.url()}: image not shown, ${line}`)
      else if (response.status() >= 400) note(line)
    })
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) note(`navigated to ${frame.url()}`)
    })
    this.current = page
    return page
  }

  /** Every page of the admin showed all of its images: none blocked by our content security policy, none failed to load. */
  expectAllImagesShown(): void {
    if (this.imageProblems.length > 0) {
      throw new Error(`The admin pages did not show all their images:\n${this.imageProblems.join('\n')}`)
    }
  }

  /** Marks `page` as the one the test is looking at (for the final screenshot). */
  use(page: Page): Page {
    this.current = page
    return page
  }

  async screenshot(file: string): Promise<void> {
    if (this.current && !this.current.isClosed()) await this.current.screenshot({ path: file, fullPage: true })
  }

  async dump(base: string, error: unknown): Promise<void> {
    const page = this.current
    if (page && !page.isClosed()) {
      writeFileSync(
        `${base}.html`,
        await page.content().catch((reason: unknown) => `<!-- no HTML: ${String(reason)} -->`),
      )
    }
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error)
    writeFileSync(
      `${base}.console.log`,
      [...this.log, '', `test failed at ${page?.url() ?? '(no page)'}:`, reason, ''].join('\n'),
    )
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => undefined)))
  }
}

/**
 * Runs one test body with its own session: a full-page screenshot of its last step at
 * `tests/e2e/artifacts/<n>-<name>.png`; on failure also the page's HTML and the console log.
 */
export async function withSession(
  browser: Browser,
  name: string,
  body: (session: Session) => Promise<void>,
): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const base = path.join(ARTIFACTS_DIR, name)
  const session = new Session(browser)
  try {
    await body(session)
    session.expectAllImagesShown()
    await session.screenshot(`${base}.png`)
  } catch (error) {
    await session.screenshot(`${base}.png`).catch(() => undefined)
    await session.dump(base, error).catch(() => undefined)
    throw error
  } finally {
    await session.close()
  }
}
