import { expect, test } from './fixtures';

// The back arrow returns to where the citizen came from — a theme, a department, search
// results — and otherwise to the page's parent; the same with JavaScript on and off.

const TRANSFER = '11410100MB1957846X4000107001'; // 不动产转移登记（二手房买卖）

test('a guide opened from a theme, a department or search results goes back there', async ({ page }) => {
  const back = page.getByRole('link', { name: '返回' });

  await page.goto('/theme/birth');
  await page.getByRole('link', { name: /出生医学证明首次签发/ }).click();
  await expect(page).toHaveURL(/\/guide\/\w+\?from=\/theme\/birth$/);
  await expect(back).toHaveAttribute('href', '/theme/birth');
  await back.click();
  await expect(page).toHaveURL('/theme/birth');

  await page.goto('/department/gjj');
  await page.locator('a.tile').first().click();
  await expect(page).toHaveURL(/\/guide\//);
  await expect(back).toHaveAttribute('href', '/department/gjj');

  // Search results carry no hint in their links: the arrow follows the page they came from.
  await page.goto('/search?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1');
  await page.locator('a.result').first().click();
  await expect(page).toHaveURL(/\/guide\//);
  await expect(back).toHaveAttribute('href', /^\/search\?q=/);
  await back.click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.locator('a.result').first()).toBeVisible();
});

test('a guide opened directly goes home; a hint that leaves the site is ignored', async ({ page }) => {
  const back = page.getByRole('link', { name: '返回' });
  await page.goto(`/guide/${TRANSFER}`);
  await expect(back).toHaveAttribute('href', '/');
  for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', '/a b', 'theme/birth']) {
    await page.goto(`/guide/${TRANSFER}?from=${encodeURIComponent(bad)}`);
    await expect(back).toHaveAttribute('href', '/');
  }
});

test('the booking page goes back to the guide it was opened from', async ({ page }) => {
  await page.goto(`/guide/${TRANSFER}`);
  await page.getByRole('link', { name: '预约办理' }).click();
  await expect(page).toHaveURL(new RegExp(`/book/${TRANSFER}`));
  const back = page.getByRole('link', { name: '返回' });
  await expect(back).toHaveAttribute('href', `/guide/${TRANSFER}`);
  await back.click();
  await expect(page).toHaveURL(`/guide/${TRANSFER}`);
});
