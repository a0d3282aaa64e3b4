import { expect, test } from './fixtures';
import { ITEM, fillDay, signInVerified } from './booking-support';

test('a citizen books a Saturday slot from the guide, sees it in 我的预约, downloads the .ics and cancels', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await signInVerified(page, info, 1);

  await page.goto(`/guide/${ITEM}`);
  await page.getByRole('link', { name: '预约办理' }).click();
  await expect(page).toHaveURL(new RegExp(`/book/${ITEM}`));
  // The week starts today and marks weekends; next Saturday is in the week after.
  await expect(page.getByRole('link', { name: /11月28日 周六 余 \d+/ })).toBeVisible();
  await page.getByRole('link', { name: '下一周 ›' }).click();
  const saturday = page.getByRole('link', { name: /12月5日 周六 余 \d+/ });
  await expect(saturday).toBeVisible();
  await saturday.click();
  await expect(page.getByRole('heading', { name: /12月5日 周六/ })).toBeVisible();
  const slot = page.getByRole('radio').first();
  await slot.check();
  await page.getByRole('button', { name: '确认预约' }).click();

  // The confirmation: code, QR code, time, place, materials, calendar file, cancel.
  await expect(page).toHaveURL(/\/me\/bookings\/[2-9A-Z]{8}\?done=booked#done$/);
  const code = new URL(page.url()).pathname.split('/').pop() as string;
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
  await page.getByRole('link', { name: '取消预约…' }).click();
  await page.getByRole('button', { name: '确定取消' }).click();
  await expect(page).toHaveURL(new RegExp(`/me/bookings/${code}\\?done=cancelled#done$`));
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

test('a full day shows 已约满 and offers the waitlist', async ({ page, baseURL }, info) => {
  // Each project fills its own weekend day: Sunday 11-29 (JS on) or today, Saturday 11-28.
  const [date, label] = info.project.name === 'phone-js' ? ['2026-11-29', '11月29日 周日'] : ['2026-11-28', '11月28日 周六'];
  await fillDay(baseURL as string, info, date);
  await signInVerified(page, info, 2);
  await page.goto(`/book/${ITEM}`);
  const full = page.getByRole('link', { name: new RegExp(`${label} 已约满`) });
  await expect(full).toBeVisible();
  await full.click();
  await expect(page.getByText('已约满').first()).toBeVisible();
  await page.getByRole('button', { name: '加入候补' }).click();
  await expect(page).toHaveURL(/\/me\/bookings\?done=waiting#done$/);
  await expect(page.getByRole('status')).toContainText('已加入候补');
  await expect(page.getByRole('status')).toBeInViewport();
  await expect(page.getByText('排队中，第 1 位')).toBeVisible();
  await page.getByRole('button', { name: '退出候补' }).click();
  await expect(page.getByRole('status')).toContainText('已退出候补');
  await expect(page.getByText('已退出', { exact: true })).toBeVisible();
});
