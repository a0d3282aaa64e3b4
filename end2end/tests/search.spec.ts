import { expect, test } from './fixtures';

// Search and browse, the same with JavaScript on and off: the search box is a GET form.

test('search by Chinese words finds the service and marks the match', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: '搜索服务事项' }).fill('公积金提取');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('找到');
  const first = page.locator('.result').first();
  await expect(first).toContainText('住房公积金提取（租房）');
  await expect(first.locator('mark')).toHaveText('公积金提取');
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: '住房公积金提取（租房）' })).toBeVisible();
});

test('search by pinyin initials and by a synonym', async ({ page }) => {
  await page.goto('/search?q=sbk');
  await expect(page.locator('.result').first()).toContainText('社会保障卡申领');
  await expect(page.getByRole('searchbox', { name: '搜索服务事项' })).toHaveValue('sbk');
  await page.goto('/search?q=' + encodeURIComponent('落户'));
  await expect(page.locator('.result').first()).toContainText('户口迁入（市外迁入落户）');
  await page.goto('/search?q=' + encodeURIComponent('退休金'));
  await expect(page.locator('.result').first()).toContainText('退休');
});

test('a search that finds nothing says so and offers another way', async ({ page }) => {
  const response = await page.goto('/search?q=' + encodeURIComponent('火星移民'));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到与“火星移民”相关的事项');
  await expect(page.getByRole('link', { name: '主题服务' })).toBeVisible();
  await expect(page.getByRole('region', { name: '热门服务' }).getByRole('link')).toHaveCount(8);
});

test('browse a theme from the 办事 tab', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '办事' }).click();
  await expect(page).toHaveURL('/services');
  await page.getByRole('link', { name: /生育/ }).click();
  await expect(page).toHaveURL('/theme/birth');
  await expect(page.getByRole('heading', { level: 1, name: '生育' })).toBeVisible();
  for (const name of ['出生医学证明首次签发', '预防接种证办理', '出生登记（新生儿入户）']) {
    await expect(page.getByRole('link', { name: new RegExp(name.replace(/[（）]/g, '.')) })).toBeVisible();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('typing suggests with JavaScript, without a request per keystroke; without it the form searches', async ({ page }, info) => {
  let asked = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/suggest')) asked += 1;
  });
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: '搜索服务事项' });
  if (info.project.name === 'phone-js') {
    await expect(page.locator('form.search')).toHaveAttribute('data-live', 'true');
    await box.pressSequentially('gongjijin', { delay: 40 });
    const list = page.getByRole('list', { name: '搜索建议' });
    await expect(list.getByRole('link').first()).toContainText('公积金');
    expect(asked).toBeLessThanOrEqual(2);
    await list.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/guide\//);
  } else {
    await box.fill('gongjijin');
    await box.press('Enter');
    await expect(page).toHaveURL('/search?q=gongjijin');
    await expect(page.locator('.result').first()).toContainText('公积金');
    expect(asked).toBe(0);
  }
});
