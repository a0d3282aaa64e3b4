import { expect, test, type Page, type TestInfo } from './fixtures';

// Each project (JavaScript on / off) and test uses its own phone number and ID number, so the
// two projects can run at once against one server (one verified account per ID number).
const jsOn = (info: TestInfo) => info.project.name === 'phone-js';
const projectDigit = (info: TestInfo) => (info.project.name === 'phone-js' ? 1 : 2);

/** 139, the project, the test, then six random digits: unique within a run and across reruns. */
function phoneFor(info: TestInfo, n: number): string {
  const random = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `139${projectDigit(info)}${n}${random}`;
}

/** A resident ID number with a valid GB 11643 check character. */
function idNumber(birth: string, seq: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `410105${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Console errors (a CSP violation, a failed hydration) fail the test. A refused form answers
 *  400 on purpose, which Chromium also reports on the console: that one is expected. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    const refusedForm = /the server responded with a status of 400/.test(msg.text());
    if (msg.type() === 'error' && !refusedForm) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** The code texted to `phone`, read from the development outbox. */
async function codeFromOutbox(page: Page, phone: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto(`/dev/outbox?phone=${phone}`);
  const text = await outbox.locator('.outbox__body').first().innerText();
  await outbox.close();
  const code = text.match(/验证码是 (\d{6})/)?.[1];
  expect(code, text).toBeTruthy();
  return code as string;
}

async function signIn(page: Page, phone: string): Promise<void> {
  await page.goto('/me');
  await page.getByRole('link', { name: '登录 / 注册' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('status')).toContainText(`验证码已发送至 ${phone.slice(0, 3)}****${phone.slice(7)}`);
  await page.getByLabel('短信验证码').fill(await codeFromOutbox(page, phone));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL('/me');
}

/** Nothing wider than the screen: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a citizen signs in with a texted code, verifies their real name, adds family, switches 长辈版 and signs out', async ({ page }, info) => {
  const errors = watchConsole(page);
  const phone = phoneFor(info, 1);
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  await signIn(page, phone);
  await expect(page.getByRole('heading', { level: 1, name: masked })).toBeVisible();
  await expect(page.getByText('未实名')).toBeVisible();

  // 实名认证: a wrong check character is named, and what was typed stays.
  await page.getByRole('link', { name: '去实名认证' }).click();
  const id = idNumber(projectDigit(info) === 1 ? '19700101' : '19800202', Math.floor(Math.random() * 1000));
  const wrong = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('身份证号码').fill(wrong);
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(page.getByRole('alert')).toContainText('校验位不正确');
  await expect(page.getByLabel('姓名')).toHaveValue('王小明');
  await expect(page.getByLabel('身份证号码')).toHaveValue(wrong);
  await page.getByLabel('身份证号码').fill(id.toLowerCase());
  await page.getByRole('button', { name: '提交认证' }).click();
  await expect(page).toHaveURL('/me');
  await expect(page.getByText('已实名')).toBeVisible();
  await expect(page.getByText(`${id.slice(0, 3)}***********${id.slice(14)}`)).toBeVisible();
  await expect(page.getByText('王*明')).toBeVisible();

  // 家庭成员: a newborn without an ID number yet.
  await page.getByRole('link', { name: '家庭成员' }).click();
  await page.getByLabel('与您的关系').selectOption({ label: '子女' });
  await page.getByLabel('姓名').fill('王小宝');
  await page.getByRole('button', { name: '添加家庭成员' }).click();
  await expect(page).toHaveURL('/me/family#members');
  const member = page.getByRole('link', { name: /王\*宝/ });
  await expect(member).toContainText('子女');
  await expect(member).toContainText('暂无身份证号码');

  // 长辈版 from the top bar, on this very page, and it stays on.
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(await bodySize()).toBe(16);
  const saved = jsOn(info) ? page.waitForResponse((r) => r.url().endsWith('/api/elder')) : null;
  await page.getByRole('switch', { name: '长辈版', checked: false }).click();
  if (saved) expect((await saved).status()).toBe(200);
  await expect(page).toHaveURL(/\/me\/family(#members)?$/);
  await expect(page.locator('html')).toHaveClass(/elder/);
  expect(await bodySize()).toBe(20);
  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoSidewaysScroll(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/elder/);
  await page.goto('/me');
  await expect(page.getByRole('link', { name: /长辈版/ })).toContainText('已开启');
  await expectNoSidewaysScroll(page);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录 / 注册' })).toBeVisible();
  await page.goto('/me/family');
  await expect(page).toHaveURL(/\/login\?next=\/me\/family/);
  expect(errors).toEqual([]);
});

test('the 长辈版 switch works on any page, and with JavaScript keeps a half-filled form', async ({ page }, info) => {
  const errors = watchConsole(page);
  await page.goto('/login?next=/me/family');
  await expect(page.getByRole('status')).toContainText('请先登录');
  await page.getByLabel('手机号码').fill('13900001111');
  const saved = jsOn(info) ? page.waitForResponse((r) => r.url().endsWith('/api/elder')) : null;
  await page.getByRole('switch', { name: '长辈版', checked: false }).click();
  await expect(page.locator('html')).toHaveClass(/elder/);
  await expect(page).toHaveURL('/login?next=/me/family');
  await expect(page.getByRole('switch', { name: '长辈版', checked: true })).toContainText('已开');
  if (saved) {
    // In place: nothing reloaded, so what was typed is still there.
    expect((await saved).status()).toBe(200);
    await expect(page.locator('form.app-bar__elder')).toHaveAttribute('data-live', 'true');
    await expect(page.getByLabel('手机号码')).toHaveValue('13900001111');
  }
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/elder/);
  await page.getByRole('switch', { name: '长辈版', checked: true }).click();
  await expect(page.locator('html')).not.toHaveClass(/elder/);
  expect(errors).toEqual([]);
});

test('a mistyped phone number or code is explained and kept', async ({ page }, info) => {
  await page.goto('/login');
  await page.getByLabel('手机号码').fill('1381234');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByRole('alert')).toContainText('请输入 11 位手机号码');
  await expect(page.getByLabel('手机号码')).toHaveValue('1381234');

  const phone = phoneFor(info, 2);
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await codeFromOutbox(page, phone);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('短信验证码').fill(wrong);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('验证码不正确，还可以再试 4 次');
  await expect(page.getByLabel('短信验证码')).toHaveValue(wrong);
  // Asking again within the minute does not send a second text.
  await page.getByRole('button', { name: '重新获取验证码' }).click();
  await expect(page.getByRole('status')).toContainText('秒后可重新获取');
  await page.getByLabel('短信验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL('/me');
});

test('staff: an admin creates a clerk account; a citizen is kept out of staff pages', async ({ page }, info) => {
  const adminPassword = process.env.E2E_ADMIN_PASSWORD;
  expect(adminPassword, 'scripts/test.sh creates the admin and passes its password').toBeTruthy();

  await page.goto('/staff/accounts');
  await expect(page).toHaveURL('/staff');
  await page.getByLabel('用户名').fill('e2e-admin');
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码不正确');
  await page.getByLabel('密码').fill(adminPassword as string);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL('/staff/home');
  await page.getByRole('link', { name: '人员账号管理' }).click();

  const username = `clerk-${projectDigit(info)}-${Date.now() % 100000}`;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('李文');
  await page.getByLabel('角色').selectOption({ label: '受理' });
  await page.getByLabel('所属大厅').selectOption({ label: '郑州市民之家' });
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByRole('alert')).toContainText('至少要负责一个部门');
  await expect(page.getByLabel('用户名')).toHaveValue(username);
  await page.getByLabel('不动产').check();
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByRole('status')).toContainText('初始密码');
  const password = (await page.locator('.password').innerText()).trim();
  expect(password).toHaveLength(16);
  await expect(page.getByRole('link', { name: new RegExp(username) })).toContainText('受理');

  // The clerk signs in in another browser; a citizen's session opens nothing under /staff.
  const clerk = await page.context().browser()!.newContext({ baseURL: info.project.use.baseURL });
  const clerkPage = await clerk.newPage();
  await clerkPage.goto('/staff');
  await clerkPage.getByLabel('用户名').fill(username);
  await clerkPage.getByLabel('密码').fill(password);
  await clerkPage.getByRole('button', { name: '登录' }).click();
  await expect(clerkPage).toHaveURL('/staff/home');
  await expect(clerkPage.getByText('受理', { exact: true })).toBeVisible();
  await expect(clerkPage.getByRole('link', { name: '人员账号管理' })).toHaveCount(0);
  const denied = await clerkPage.goto('/staff/accounts');
  expect(denied?.status()).toBe(403);
  await clerk.close();

  const citizen = await page.context().browser()!.newContext({ baseURL: info.project.use.baseURL });
  const citizenPage = await citizen.newPage();
  await signIn(citizenPage, phoneFor(info, 3));
  await citizenPage.goto('/staff/accounts');
  await expect(citizenPage).toHaveURL('/staff');
  await citizen.close();
});
