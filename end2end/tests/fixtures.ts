import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

// Every spec imports `test` from here: each page a test opens is checked for accessibility
// (axe-core: no serious or critical violation) and for type size (nothing a citizen reads
// under 12 px, or under 18 px in 长辈版), in both projects, JavaScript on and off.
//
// Pages opened with `page.goto` are checked at once; pages reached by clicking or by a form
// are checked when the test ends: the page it ends on as it stands, and every other address
// it loaded again, in a fresh tab of the same browser context (same cookies, same JavaScript
// setting). Every page load is also checked for its scripts' CSP nonce (`policyWatch`).
// At most this many pages checked again at the end of one test (each takes ~0.3 s).
const MAX_REVISITS = 12;

/**
 * A copy of a page loaded without JavaScript, in a tab where scripts may run (axe needs
 * them) but the page's own do not: its HTML as it stands, its styles, no script or WASM.
 */
async function checkableCopy(page: Page): Promise<{ copy: Page; close: () => Promise<void> }> {
  const html = await page.content();
  const url = page.url().split('#')[0];
  const use = base.info().project.use;
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    viewport: page.viewportSize(),
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: use.locale,
    javaScriptEnabled: true,
  });
  const copy = await context.newPage();
  await copy.route('**/*', (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.url().split('#')[0] === url) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    if (request.resourceType() === 'script' || request.url().endsWith('.wasm')) return route.abort();
    return route.continue();
  });
  await copy.goto(url);
  return { copy, close: () => context.close() };
}

/** Serious and critical axe violations and undersized text on this page, as readable lines. */
export async function pageProblems(page: Page): Promise<string[]> {
  await page.waitForLoadState('load');
  // With JavaScript off axe cannot run in the page itself (it needs timers).
  if (base.info().project.use.javaScriptEnabled === false) {
    const { copy, close } = await checkableCopy(page);
    try {
      return await problemsIn(copy);
    } finally {
      await close();
    }
  }
  return problemsIn(page);
}

async function problemsIn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const problems = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `axe ${v.impact} ${v.id}: ${v.help} — ` +
        v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''})`)
          .join('; '),
    );
  const small = await page.evaluate(() => {
    const elder = document.documentElement.classList.contains('elder');
    const min = elder ? 18 : 12;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('.visually-hidden, script, style, template, noscript')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min - 0.01) {
        found.push(`${size}px < ${min}px${elder ? ' (长辈版)' : ''}: <${el.tagName.toLowerCase()} class="${el.className}"> ${text.slice(0, 24)}`);
      }
    }
    return found.slice(0, 10);
  });
  return [...problems, ...small];
}

/** Fails the test with what is wrong on this page, if anything. */
export async function expectAccessible(page: Page): Promise<void> {
  const problems = await pageProblems(page);
  expect(problems, `accessibility of ${page.url()}`).toEqual([]);
}

function withoutFragment(url: string): string {
  return url.split('#')[0];
}

const checked = base.extend<{ page: Page }>({
  page: async ({ page }, use, testInfo) => {
    // Room for the checks: a few hundred milliseconds a page.
    testInfo.setTimeout(testInfo.timeout + 45_000);
    const checked = new Set<string>();
    const loaded: string[] = [];
    page.on('load', () => {
      const url = withoutFragment(page.url());
      if (url.startsWith('http') && !loaded.includes(url)) loaded.push(url);
    });
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      // Only pages: a calendar file or an error answer is not a page to check.
      if (response?.headers()['content-type']?.startsWith('text/html') && response.ok()) {
        await expectAccessible(page);
        checked.add(withoutFragment(page.url()));
      }
      return response;
    };
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) return;
    const last = withoutFragment(page.url());
    if (last.startsWith('http') && !checked.has(last)) {
      await expectAccessible(page);
      checked.add(last);
    }
    const again = loaded.filter((url) => !checked.has(url)).slice(0, MAX_REVISITS);
    if (again.length === 0) return;
    const tab = await page.context().newPage();
    try {
      for (const url of again) {
        const response = await tab.goto(url);
        if (!response?.ok() || !response.headers()['content-type']?.startsWith('text/html')) continue;
        await expectAccessible(tab);
      }
    } finally {
      await tab.close();
    }
  },
});

/**
 * Every page a test loads: each inline `<script>` must carry the nonce of that very
 * response's Content-Security-Policy (otherwise the browser blocks it and the page's islands
 * never wake), and the console must report no CSP violation. Checked on the response itself,
 * so a mismatch fails the test that loaded the page every time, not only when the browser
 * happens to run the script.
 */
export const test = checked.extend<{ policyWatch: void }>({
  policyWatch: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        const status = response.status();
        // Redirects carry no page; a 304 keeps the page (and policy) the browser already has.
        if (response.request().resourceType() !== 'document' || (status >= 300 && status < 400)) {
          return;
        }
        pending.push(
          (async () => {
            let body = '';
            try {
              body = await response.text();
            } catch {
              return; // navigated away before the body was read
            }
            const policy = response.headers()['content-security-policy'] ?? '';
            const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
            const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map(
              (tag) => /\snonce="([^"]*)"/.exec(tag[0])?.[1] ?? '',
            );
            for (const found of scripts) {
              if (found !== nonce) {
                problems.push(`${response.url()} (${status}): script nonce "${found}", policy nonce "${nonce}"`);
              }
            }
          })(),
        );
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/.test(message.text())) {
          problems.push(`${page.url()}: ${message.text()}`);
        }
      });
      await use();
      await Promise.all(pending);
      expect(problems, 'every inline script carries its response nonce').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { APIRequestContext, Page, TestInfo } from '@playwright/test';
