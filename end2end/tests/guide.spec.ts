import { expect, test, type Page } from './fixtures';

// 不动产转移登记（二手房买卖）: six materials, one of them optional.
const TRANSFER = '11410100MB1957846X4000107001';
const TRANSFER_NAME = '不动产转移登记（二手房买卖）';

const jsOn = (name: string) => name === 'phone-js';

/** Console errors (a CSP violation, a failed hydration) fail the test that caused them. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('home shows the search box, hot services, the weekend notice and the tab bar', async ({ page }) => {
  const errors = watchConsole(page);
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('办事');
  await expect(page.getByRole('heading', { level: 1, name: '办事' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '搜索服务事项' })).toBeVisible();

  const hot = page.getByRole('region', { name: '热门服务' });
  await expect(hot.getByRole('link')).toHaveCount(8);
  await expect(hot.getByRole('link', { name: new RegExp(TRANSFER_NAME) })).toBeVisible();

  const weekend = page.getByRole('region', { name: '周末不打烊' });
  await expect(weekend).toContainText('不动产、税务、房产、社保、医保');
  await expect(weekend).toContainText('周六、周日');

  const tabs = page.getByRole('navigation', { name: '主导航' });
  for (const tab of ['首页', '办事', '进度', '我的']) {
    await expect(tabs.getByRole('link', { name: tab })).toBeVisible();
  }
  await expect(tabs.getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');
  expect(errors).toEqual([]);
});

test('a hot service leads to its complete guide', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await page.getByRole('region', { name: '热门服务' }).getByRole('link', { name: new RegExp(TRANSFER_NAME) }).click();
  await expect(page).toHaveURL(`/guide/${TRANSFER}`);
  await expect(page).toHaveTitle(`${TRANSFER_NAME} - 办事`);
  await expect(page.getByRole('heading', { level: 1, name: TRANSFER_NAME })).toBeVisible();

  const head = page.getByRole('region', { name: TRANSFER_NAME });
  // The value (dd) that follows a fact's label (dt).
  const fact = (term: string) =>
    head.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('办结时限')).toHaveText(/承诺 3 个工作日，法定 30 个工作日，压缩 90%/);
  await expect(fact('到场次数')).toContainText('1 次');
  await expect(fact('网办深度')).toContainText('Ⅲ 级');
  await expect(fact('办件类型')).toHaveText('承诺件');
  await expect(fact('实施编码')).toHaveText(TRANSFER);

  for (const section of ['申请材料', '受理条件', '办理流程', '收费与依据', '地点与时间']) {
    await expect(page.getByRole('region', { name: section })).toBeVisible();
  }
  const where = page.getByRole('region', { name: '地点与时间' });
  await expect(where.getByRole('link', { name: '12345' })).toHaveAttribute('href', 'tel:12345');
  await expect(where).toContainText('咨询电话');
  await expect(page.getByRole('region', { name: '收费与依据' })).toContainText('设定依据');
  expect(errors).toEqual([]);
});

test('a material opens to show its details', async ({ page }) => {
  await page.goto(`/guide/${TRANSFER}`);
  const materials = page.getByRole('region', { name: '申请材料' });
  await expect(materials.getByRole('listitem')).toHaveCount(6);
  const first = materials.getByRole('listitem').first().getByRole('group');
  await expect(first.getByRole('term').first()).toBeHidden();
  await first.locator('summary').click();
  await expect(first.getByRole('term').first()).toHaveText('材料来源');
  await expect(first.getByRole('term').first()).toBeVisible();
});

test('the required-only filter works: in place once hydrated, by reload without JavaScript', async ({ page }, info) => {
  await page.goto(`/guide/${TRANSFER}`);
  const materials = page.getByRole('region', { name: '申请材料' });
  const filter = materials.getByRole('group', { name: '材料筛选' });
  await expect(materials.getByRole('listitem')).toHaveCount(6);

  if (jsOn(info.project.name)) {
    // Hydration is the only thing that can stop the link from navigating.
    await expect(materials).toHaveAttribute('data-live', 'true');
    let navigated = false;
    page.on('framenavigated', () => (navigated = true));
    await filter.getByRole('link', { name: '仅看必交（5）' }).click();
    await expect(materials.getByRole('listitem')).toHaveCount(5);
    expect(navigated).toBe(false);
    await expect(page).toHaveURL(`/guide/${TRANSFER}`);
    await expect(filter.getByRole('link', { name: '仅看必交（5）' })).toHaveAttribute('aria-current', 'true');
    await filter.getByRole('link', { name: '全部（6）' }).click();
    await expect(materials.getByRole('listitem')).toHaveCount(6);
    await expect(filter.getByRole('link', { name: '全部（6）' })).toHaveAttribute('aria-current', 'true');
  } else {
    await expect(materials).not.toHaveAttribute('data-live', 'true');
    await filter.getByRole('link', { name: '仅看必交（5）' }).click();
    await expect(page).toHaveURL(`/guide/${TRANSFER}?materials=required#materials`);
    await expect(materials.getByRole('listitem')).toHaveCount(5);
    await expect(filter.getByRole('link', { name: '仅看必交（5）' })).toHaveAttribute('aria-current', 'true');
  }
});

test('an unknown service code answers 404 in the app style', async ({ page }) => {
  const response = await page.goto('/guide/NOSUCH000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' }).first()).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: '返回首页' }).click();
  await expect(page).toHaveURL('/');
});

test('an unknown path answers 404 in the app style', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' }).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
});

test('the 进度 tab asks a visitor to sign in and comes back to it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '进度' }).click();
  await expect(page).toHaveURL('/login?next=/progress');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

// 360 px is the narrowest common phone; 195 px is a 390 px phone at 200 % zoom.
for (const width of [360, 195]) {
  test(`pages fit a ${width} px wide screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    for (const path of ['/', `/guide/${TRANSFER}`, '/no/such/page', '/me', '/services', '/search?q=%E7%A4%BE%E4%BF%9D']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}
