import { type BrowserContext } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { ITEM } from './booking-support';

// 长辈版 (large type): what leads a guide, a switch that names the mode it is in, and type
// large enough to read; the department badges on the tiles.

const TRANSFER = '11410100MB1957846X4000107001';
const TRANSFER_NAME = '不动产转移登记（二手房买卖）';

async function elderOn(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  await context.addCookies([{ name: 'banshi_elder', value: '1', url: baseURL ?? 'http://127.0.0.1:3000' }]);
}

test('in 长辈版 a guide leads with how long it takes and what to bring; codes come after', async ({ page, context, baseURL }) => {
  await elderOn(context, baseURL);
  await page.goto(`/guide/${TRANSFER}`);
  await expect(page.locator('html')).toHaveClass(/elder/);
  const materials = page.getByRole('heading', { name: '申请材料' });
  const top = (await materials.boundingBox())?.y ?? Infinity;
  // 390×844: the materials start on the first screen, with room for a line under the heading.
  expect(top).toBeLessThan(844 - 80);
  const head = page.getByRole('region', { name: TRANSFER_NAME });
  await expect(head).toContainText('承诺时限');
  await expect(head).toContainText('到场次数');
  await expect(head).not.toContainText('网办深度');
  await expect(head).not.toContainText(TRANSFER);
  const details = page.getByRole('region', { name: '事项信息' });
  await expect(details).toContainText('实施编码');
  await expect(details).toContainText(TRANSFER);
  expect((await details.boundingBox())?.y ?? 0).toBeGreaterThan(top);
});

test('the 长辈版 switch says which mode is on, never the other mode', async ({ page, context, baseURL }) => {
  await page.goto(`/guide/${TRANSFER}`);
  const off = page.getByRole('switch', { name: '长辈版' });
  await expect(off).toHaveAttribute('aria-checked', 'false');
  await expect(off).toHaveText('长辈版', { useInnerText: true });
  await elderOn(context, baseURL);
  await page.reload();
  const on = page.getByRole('switch', { name: '长辈版' });
  await expect(on).toHaveAttribute('aria-checked', 'true');
  await expect(on).toContainText('已开');
  await expect(page.locator('.app-bar')).not.toContainText('标准版');
  // Standard layout keeps the particulars in the head.
  await context.clearCookies();
  await page.reload();
  await expect(page.getByRole('region', { name: TRANSFER_NAME })).toContainText(TRANSFER);
});

test('the week of days is readable: 12 px at least, 18 px in 长辈版', async ({ page, context, baseURL }) => {
  const smallest = () =>
    page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('.week__day *')].map((el) => parseFloat(getComputedStyle(el).fontSize)),
      ),
    );
  await page.goto(`/book/${ITEM}`);
  await expect(page.locator('.week__state').first()).toBeVisible();
  expect(await smallest()).toBeGreaterThanOrEqual(12);
  await elderOn(context, baseURL);
  await page.reload();
  expect(await smallest()).toBeGreaterThanOrEqual(18);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('each department has its own badge on the tiles', async ({ page }) => {
  const badge = async (department: string) => {
    await page.goto(`/department/${department}`);
    return (await page.locator('.tile__badge').first().innerText()).trim();
  };
  const police = await badge('ga');
  const fund = await badge('gjj');
  expect(police).not.toEqual(fund);
  await page.goto('/');
  const tiles = await page.locator('a.tile').evaluateAll((links) =>
    links.map((a) => [
      a.querySelector('.tile__meta')?.textContent?.split(' · ')[0] ?? '',
      a.querySelector('.tile__badge')?.textContent ?? '',
    ]),
  );
  const byBadge = new Map<string, Set<string>>();
  for (const [department, b] of tiles) byBadge.set(b, (byBadge.get(b) ?? new Set()).add(department));
  for (const [b, departments] of byBadge) expect([...departments], `badge ${b}`).toHaveLength(1);
});

test('a 一件事 page and its flow chart read in 长辈版 on a 360 px screen', async ({ page, context, baseURL }) => {
  await elderOn(context, baseURL);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const code of ['birth', 'retirement']) {
    await page.goto(`/bundles/${code}`);
    await expect(page.locator('.flow__chart')).toBeVisible();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(360);
    // Every name in the chart is drawn at the large type and stays inside its box.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('.flow__chart g')].filter((g) => {
        const box = g.querySelector('rect')!.getBoundingClientRect();
        return [...g.querySelectorAll('text')].some((t) => {
          const r = t.getBoundingClientRect();
          return r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1;
        });
      }).length,
    );
    expect(outside).toBe(0);
    await expectAccessible(page);
  }
});
