import { expect, test, type Page, type TestInfo } from '@playwright/test';

// The test server's clock starts at Saturday 2026-11-28 10:00 China time (scripts/test.sh sets
// BANSHI_CLOCK_START), so next Saturday, 2026-12-05, is released and has weekend hours.
const ITEM = '11410100MB1957846X4000107001'; // 不动产转移登记（二手房买卖）, 周末不打烊
const projectDigit = (info: TestInfo) => (info.project.name === 'phone-js' ? 1 : 2);

function phoneFor(info: TestInfo): string {
  const random = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `137${projectDigit(info)}5${random}`;
}

function idNumber(birth: string, seq: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `410105${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function signInVerified(page: Page, info: TestInfo, next: string): Promise<void> {
  const phone = phoneFor(info);
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('status')).toContainText('验证码已发送');
  const outbox = await page.context().newPage();
  await outbox.goto(`/dev/outbox?phone=${phone}`);
  const code = (await outbox.locator('.outbox__body').first().innerText()).match(/验证码是 (\d{6})/)?.[1];
  await outbox.close();
  await page.getByLabel('短信验证码').fill(code ?? '');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.goto('/me/verify');
  await page.getByLabel('姓名').fill('李预约');
  const birth = projectDigit(info) === 1 ? '19750505' : '19850606';
  await page.getByLabel('身份证号码').fill(idNumber(birth, Math.floor(Math.random() * 1000)));
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(page).toHaveURL('/me');
  await expect(page.getByText('已实名')).toBeVisible();
}

test('a citizen books a Saturday slot from the guide, sees it in 我的预约, downloads the .ics and cancels', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await signInVerified(page, info, '/me');

  await page.goto(`/guide/${ITEM}`);
  await page.getByRole('link', { name: '预约办理' }).click();
  await expect(page).toHaveURL(new RegExp(`/book/${ITEM}`));
  // The week marks weekends; next Saturday is open with places left.
  const saturday = page.getByRole('link', { name: /12月5日 周六 余 \d+/ });
  await expect(saturday).toBeVisible();
  await saturday.click();
  await expect(page.getByRole('heading', { name: /12月5日 周六/ })).toBeVisible();
  const slot = page.getByRole('radio').first();
  await slot.check();
  await page.getByRole('button', { name: '确认预约' }).click();

  // The confirmation: code, QR code, time, place, materials, calendar file, cancel.
  await expect(page).toHaveURL(/\/me\/bookings\/[2-9A-Z]{8}$/);
  const code = page.url().split('/').pop() as string;
  await expect(page.getByText(code).first()).toBeVisible();
  await expect(page.locator('.booking__qr svg')).toBeVisible();
  await expect(page.getByText(/12月5日 周六 09:00–09:30/)).toBeVisible();
  await expect(page.getByText('不动产窗口')).toBeVisible();
  await expect(page.getByRole('heading', { name: '请带齐材料' })).toBeVisible();
  const ics = await page.request.get(`/me/bookings/${code}/ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const body = await ics.text();
  expect(body).toContain('DTSTART;TZID=Asia/Shanghai:20261205T090000');
  expect(body).toContain('TRIGGER:-PT1H');

  await page.goto('/me/bookings');
  const row = page.getByRole('link', { name: /不动产转移登记（二手房买卖）/ }).first();
  await expect(row).toContainText('待办理');
  await row.click();
  await page.getByRole('button', { name: '取消预约' }).click();
  await expect(page).toHaveURL(new RegExp(`/me/bookings/${code}\\?cancelled=1`));
  await expect(page.getByText('已取消').first()).toBeVisible();

  // 360 px wide and 长辈版: the week and the slots still fit.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/book/${ITEM}?date=2026-12-05`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('someone not signed in is asked to sign in before booking, and comes back to the day', async ({ page }) => {
  await page.goto(`/book/${ITEM}?date=2026-12-05`);
  await expect(page.getByRole('link', { name: '登录后预约' })).toBeVisible();
  await page.goto('/me/bookings');
  await expect(page).toHaveURL(/\/login\?next=\/me\/bookings/);
});
