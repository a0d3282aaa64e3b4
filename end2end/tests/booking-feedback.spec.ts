import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ITEM, signInVerified } from './booking-support';

// What a citizen sees after booking, moving and cancelling: the message on top, where the
// page opens, and read out; cancelling asks first; the calendar file follows the booking.

/** The calendar file's value of `name` (one line, unfolded enough for these fields). */
function field(ics: string, name: string): string[] {
  return ics
    .split('\r\n')
    .filter((l) => l.startsWith(`${name}:`))
    .map((l) => l.slice(name.length + 1));
}

async function calendarFile(page: Page, code: string): Promise<string> {
  const res = await page.request.get(`/me/bookings/${code}/ics`);
  expect(res.status()).toBe(200);
  return res.text();
}

/** The confirmation message: a status region, on screen as the page opens. */
async function expectDone(page: Page, text: string): Promise<void> {
  const done = page.getByRole('status').filter({ hasText: text });
  await expect(done).toBeVisible();
  await expect(done).toBeInViewport();
  await expect(page).toHaveTitle(new RegExp(text.slice(0, 4)));
}

test('booking, moving and cancelling each say so where the page opens; the calendar file follows', async ({ page }, info) => {
  await signInVerified(page, info, 3);

  // Book Saturday 12-05, the first slot.
  await page.goto(`/book/${ITEM}?date=2026-12-05#slots`);
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: '确认预约' }).click();
  await expect(page).toHaveURL(/\/me\/bookings\/[2-9A-Z]{8}\?done=booked#done$/);
  const code = new URL(page.url()).pathname.split('/').pop() as string;
  await expectDone(page, '预约成功');
  const booked = await calendarFile(page, code);
  expect(field(booked, 'METHOD')).toEqual(['PUBLISH']);
  expect(field(booked, 'STATUS')).toEqual(['CONFIRMED']);
  expect(field(booked, 'SEQUENCE')).toEqual(['0']);
  expect(field(booked, 'UID')).toEqual([`${code}@banshi`]);

  // 改约 shows the current slot, and its back arrow returns to this booking.
  const when = (await page.locator('.booking dd').nth(1).innerText()).trim();
  await page.getByRole('link', { name: '改约', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/book/${ITEM}\\?reschedule=${code}`));
  await expect(page.locator('.current-slot')).toContainText('当前预约');
  await expect(page.locator('.current-slot')).toContainText(when);
  await expect(page.getByRole('link', { name: '返回' })).toHaveAttribute('href', `/me/bookings/${code}`);
  await page.getByRole('link', { name: '下一周 ›' }).click();
  await page.getByRole('link', { name: /12月5日 周六/ }).click();
  const second = page.getByRole('radio').nth(1);
  const secondTime = (await page.locator('.slot__time').nth(1).innerText()).trim();
  await second.check();
  await page.getByRole('button', { name: '确认改约' }).click();
  await expect(page).toHaveURL(new RegExp(`/me/bookings/${code}\\?done=moved#done$`));
  await expectDone(page, '改约成功');
  await expect(page.locator('.booking')).toContainText(secondTime);
  const moved = await calendarFile(page, code);
  expect(field(moved, 'UID')).toEqual([`${code}@banshi`]);
  expect(field(moved, 'SEQUENCE')).toEqual(['1']);
  expect(field(moved, 'METHOD')).toEqual(['PUBLISH']);
  expect(moved).toContain(`DTSTART;TZID=Asia/Shanghai:20261205T${secondTime.slice(0, 5).replace(':', '')}00`);

  // Cancelling is a link of its own, away from 改约, and asks before it cancels.
  const change = page.locator('#change');
  await expect(change.getByRole('button', { name: /取消/ })).toHaveCount(0);
  await expect(change.getByRole('link', { name: /取消/ })).toHaveCount(0);
  await page.getByRole('link', { name: '取消预约…' }).click();
  await expect(page.getByRole('heading', { name: '确定取消这个预约吗？' })).toBeInViewport();
  await page.getByRole('link', { name: '不取消，保留预约' }).click();
  await expect(page.locator('.booking__status')).toHaveText('待办理');
  await page.getByRole('link', { name: '取消预约…' }).click();
  await page.getByRole('button', { name: '确定取消' }).click();
  await expect(page).toHaveURL(new RegExp(`/me/bookings/${code}\\?done=cancelled#done$`));
  await expectDone(page, '已取消预约');
  await expect(page.getByText('这个预约已由您取消。')).toBeVisible();
  await expect(page.getByText('这个预约已结束')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '添加到日历' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /从日历中删除/ })).toBeVisible();
  await expect(page.getByRole('link', { name: '改约', exact: true })).toHaveCount(0);
  const cancelled = await calendarFile(page, code);
  expect(field(cancelled, 'METHOD')).toEqual(['CANCEL']);
  expect(field(cancelled, 'STATUS')).toEqual(['CANCELLED']);
  expect(field(cancelled, 'UID')).toEqual([`${code}@banshi`]);
  expect(field(cancelled, 'SEQUENCE')).toEqual(['2']);
  expect(cancelled).not.toContain('BEGIN:VALARM');
});
