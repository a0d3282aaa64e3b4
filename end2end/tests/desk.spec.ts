import { expect, test } from './fixtures';
import { ITEM, moveClock, signInVerified } from './booking-support';

// Runs after every other spec (its own projects, see playwright.config.ts): it moves the
// server's clock days ahead, which would end other tests' sessions and codes.
test('a clerk checks a booking in by its code and hands out the queue number', async ({ page, baseURL }, info) => {
  const base = baseURL as string;
  await signInVerified(page, info, 4);
  await page.goto(`/book/${ITEM}?date=2026-12-05`);
  // The first slot still open (the JavaScript-off run comes after the clock has moved).
  const open = page.locator('label.slot:not(.slot--off)').first();
  const time = (await open.locator('.slot__time').innerText()).slice(0, 5);
  await open.locator('input').check();
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page).toHaveURL(/\/me\/bookings\/[2-9A-Z]{8}\?done=booked#done$/);
  const code = new URL(page.url()).pathname.split('/').pop() as string;

  // Twenty minutes before the slot (China time is UTC+8): inside the check-in window.
  const [hh, mm] = time.split(':').map(Number);
  const start = Date.UTC(2026, 11, 5, hh - 8, mm) / 1000;
  const now = await moveClock(base, 0);
  await moveClock(base, Math.ceil((start - 20 * 60 - now) / 60));

  // The admin makes a 不动产 clerk at the hall; the clerk signs in and opens the desk.
  await page.goto('/staff');
  await page.getByLabel('用户名').fill('e2e-admin');
  await page.getByLabel('密码').fill(process.env.E2E_ADMIN_PASSWORD as string);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '人员账号管理' }).click();
  const username = `desk-${info.project.name.length}-${Date.now() % 100000}`;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('周窗口');
  await page.getByLabel('角色').selectOption({ label: '受理' });
  await page.getByLabel('所属大厅').selectOption({ label: '郑州市民之家' });
  await page.getByLabel('不动产').check();
  await page.getByRole('button', { name: '创建账号' }).click();
  const password = (await page.locator('.password').innerText()).trim();

  const clerk = await page.context().browser()!.newContext({ baseURL: base, javaScriptEnabled: info.project.use.javaScriptEnabled });
  const desk = await clerk.newPage();
  await desk.goto('/staff');
  await desk.getByLabel('用户名').fill(username);
  await desk.getByLabel('密码').fill(password);
  await desk.getByRole('button', { name: '登录' }).click();
  await desk.getByRole('link', { name: '今日预约与签到' }).click();
  await expect(desk.getByRole('cell', { name: new RegExp(code) })).toBeVisible();

  // A mistyped code is named; the real one (typed lower-case, as a scanner might) checks in.
  await desk.getByLabel('预约码').fill('ABCD');
  await desk.getByRole('button', { name: '签到并取号' }).click();
  await expect(desk.getByRole('alert')).toContainText('8 位');
  await expect(desk.getByLabel('预约码')).toHaveValue('ABCD');
  await desk.getByLabel('预约码').fill(code.toLowerCase());
  await desk.getByRole('button', { name: '签到并取号' }).click();
  await expect(desk.getByRole('status')).toContainText(/排队号 A\d{3}/);
  await expect(desk.getByRole('row', { name: new RegExp(code) })).toContainText(/已签到 A\d{3}/);

  // A walk-in gets the next number; 办结 marks it served.
  await desk.getByRole('button', { name: '现场取号' }).click();
  await expect(desk.getByRole('status')).toContainText(/排队号 A\d{3}/);
  const walkIn = desk.locator('.ticket-row', { hasText: '现场取号' }).last();
  await walkIn.getByRole('button', { name: '办结' }).click();
  await expect(desk.locator('.ticket-row', { hasText: '现场取号' }).last()).toContainText('已办结');
  await clerk.close();
});
