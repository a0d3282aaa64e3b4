import { expect, test as base } from '@playwright/test';

export { expect };
export type { Page, TestInfo, APIRequestContext } from '@playwright/test';

/**
 * Every test, in every project, checks every page it loads: each inline `<script>` must carry
 * the nonce of that very response's Content-Security-Policy (otherwise the browser blocks it
 * and the page's islands never wake), and the console must report no CSP violation. Checked
 * on the response itself, so a mismatch fails the test that loaded the page every time, not
 * only when the browser happens to run the script.
 */
export const test = base.extend<{ policyWatch: void }>({
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
