import { expect, request, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';

// The test server's clock starts at Saturday 2026-11-28 10:00 China time (scripts/test.sh sets
// BANSHI_CLOCK_START), so the week up to Saturday 2026-12-05 is released.
export const ITEM = '11410100MB1957846X4000107001'; // 不动产转移登记（二手房买卖）, 周末不打烊

let serial = 0;

/** A number unique to this run, project and call. */
export function phoneFor(info: TestInfo, lane: number): string {
  serial += 1;
  const project = info.project.name.length % 10;
  const random = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return `136${project}${lane}${String(serial % 100).padStart(2, '0')}${random}`.slice(0, 11);
}

/** A resident ID number with a valid GB 11643 check character. */
export function idNumber(birth: string, seq: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `410105${birth}${String(seq % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

const seen = new Set<string>();
/** A birth date and sequence no other citizen of this run has used. */
export function freshId(): string {
  for (;;) {
    const year = 1950 + Math.floor(Math.random() * 50);
    const birth = `${year}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}`;
    const id = idNumber(birth, Math.floor(Math.random() * 1000));
    if (!seen.has(id)) {
      seen.add(id);
      return id;
    }
  }
}

async function codeFor(api: APIRequestContext, phone: string): Promise<string> {
  const html = await (await api.get(`/dev/outbox?phone=${phone}`)).text();
  const code = html.match(/验证码是 (\d{6})/)?.[1];
  expect(code, 'a code in the outbox').toBeTruthy();
  return code as string;
}

/** A verified citizen made through the server functions, as a script would: its own cookies. */
export async function apiCitizen(baseURL: string, info: TestInfo, lane: number): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const phone = phoneFor(info, lane);
  // A random form key, as the sign-in page makes one (never the number itself: it is stored).
  const sendKey = Math.random().toString(36).slice(2);
  expect((await api.post('/api/send-code', { form: { phone, send_key: sendKey } })).status()).toBe(200);
  const signed = await api.post('/api/sign-in', { form: { phone, code: await codeFor(api, phone) } });
  expect(signed.status()).toBe(200);
  const verified = await api.post('/api/verify', { form: { name: '赵候补', id_number: freshId() } });
  expect(verified.status(), await verified.text()).toBe(200);
  return api;
}

/** Signs a citizen in through the pages and verifies them. */
export async function signInVerified(page: Page, info: TestInfo, lane: number): Promise<void> {
  const phone = phoneFor(info, lane);
  await page.goto('/login');
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('status')).toContainText('验证码已发送');
  const outbox = await page.context().newPage();
  await outbox.goto(`/dev/outbox?phone=${phone}`);
  const code = (await outbox.locator('.outbox__body').first().innerText()).match(/验证码是 (\d{6})/)?.[1];
  await outbox.close();
  await page.getByLabel('短信验证码').fill(code ?? '');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL('/me');
  await page.goto('/me/verify');
  await page.getByLabel('姓名').fill('李预约');
  await page.getByLabel('身份证号码').fill(freshId());
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(page).toHaveURL('/me');
  await expect(page.getByText('已实名')).toBeVisible();
}

type Slot = { id: number; start: string; remaining: number; closed: boolean };

/** Books every place left on `date` with fresh verified citizens (one booking each). */
export async function fillDay(baseURL: string, info: TestInfo, date: string): Promise<number> {
  let booked = 0;
  for (let guard = 0; guard < 60; guard++) {
    const api = await apiCitizen(baseURL, info, 7);
    const page = await api.post('/api/book-page', { form: { item: ITEM, date } });
    expect(page.status()).toBe(200);
    const slots: Slot[] = (await page.json()).slots;
    const open = slots.find((s) => !s.closed && s.remaining > 0);
    if (!open) {
      await api.dispose();
      return booked;
    }
    const res = await api.post('/api/book', {
      form: { item: ITEM, slot_id: String(open.id), member: '', request_key: `fill${guard}` },
    });
    expect(res.status(), await res.text()).toBe(200);
    booked += 1;
    await api.dispose();
  }
  throw new Error(`${date} did not fill`);
}

/** The server's clock now (seconds since 1970 UTC), moved on by `minutes`. */
export async function moveClock(baseURL: string, minutes: number): Promise<number> {
  const api = await request.newContext({ baseURL });
  const res = await api.post(`/dev/clock?minutes=${minutes}`);
  expect(res.status()).toBe(200);
  const now = Number(await res.text());
  await api.dispose();
  return now;
}

/** A staff member's own browser (JavaScript as the project's), signed in. */
export async function staffPage(browser: Browser, base: string, info: TestInfo, [username, password]: [string, string]): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, javaScriptEnabled: info.project.use.javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/staff');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL('/staff/home');
  return page;
}
