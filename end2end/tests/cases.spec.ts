import { expect, test, type Page, type TestInfo } from './fixtures';
import { signInVerified, staffPage } from './booking-support';

const RESIDENCE = '11410100005252014Q4000107004'; // 居住证申领 (公安): 网办 Ⅱ, 5 working days

/** The admin makes a 公安 受理 clerk and a 公安 审批 approver; each one's username and password. */
async function makeStaff(page: Page, info: TestInfo): Promise<[string, string][]> {
  await page.goto('/staff');
  await page.getByLabel('用户名').fill('e2e-admin');
  await page.getByLabel('密码').fill(process.env.E2E_ADMIN_PASSWORD as string);
  await page.getByRole('button', { name: '登录' }).click();
  const made: [string, string][] = [];
  for (const role of ['受理', '审批']) {
    await page.goto('/staff/accounts');
    const username = `case-${role === '受理' ? 'c' : 'a'}${info.project.name.length}-${Date.now() % 1000000}`;
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('姓名').fill(role === '受理' ? '吴受理' : '郑审批');
    await page.getByLabel('角色').selectOption({ label: role });
    await page.getByLabel('公安').check();
    await page.getByRole('button', { name: '创建账号' }).click();
    made.push([username, (await page.locator('.password').innerText()).trim()]);
  }
  return made;
}

/** A phone photo: a JPEG whose EXIF says where it was taken. */
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x09]), Buffer.from('JFIF\0\x01\x01', 'latin1'),
  Buffer.from([0xff, 0xe1, 0x00, 0x1b]), Buffer.from('Exif\0\0GPS 34.7466N 113.62', 'latin1'),
  Buffer.from([0xff, 0xda, 0x00, 0x02, 1, 2, 3, 4, 5, 0xff, 0xd9]),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** Chooses a file for the material labelled `label` and uploads it. */
async function upload(page: Page, label: string, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const box = page.locator('.upload', { hasText: label });
  await box.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await box.getByRole('button', { name: '上传' }).click();
}

/** Opens the case from the staff member's queue and takes `action` (with a reason, and any
 * other fields filled or boxes ticked first). */
async function act(staff: Page, caseId: string, action: string, note = '', fill: Record<string, string> = {}, tick: string[] = []): Promise<void> {
  await staff.goto(`/staff/cases/${caseId}`);
  if (note) await staff.getByLabel('意见或原因').fill(note);
  for (const [label, value] of Object.entries(fill)) await staff.getByLabel(label).fill(value);
  for (const label of tick) await staff.getByLabel(label).check();
  await staff.getByRole('button', { name: action, exact: true }).click();
  await expect(staff).toHaveURL(`/staff/cases/${caseId}#case`);
  await expect(staff.locator('.timeline__item').first()).toContainText(action);
}

test('a citizen applies online, supplies what the clerk asks for, and follows the case to its end', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const base = baseURL as string;
  await signInVerified(page, info, 6);
  const tail = (await page.getByRole('heading', { level: 1 }).innerText()).trim().slice(-4);

  // From the guide to a draft, step by step; a saved draft keeps what was typed.
  await page.goto(`/guide/${RESIDENCE}`);
  await page.getByRole('link', { name: '在线申办' }).click();
  await expect(page).toHaveURL(`/apply/${RESIDENCE}`);
  await page.getByRole('button', { name: '开始填写' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+\/edit\?step=0$/);
  const caseId = new URL(page.url()).pathname.split('/')[2];
  await expect(page.getByText('第 1 步，共 4 步')).toBeVisible();
  // The 事项's own questions (from the catalogue), then a note; a draft keeps what was typed.
  await page.getByLabel('郑州居住地址').fill('金水区花园路 88 号 3 号楼 501');
  await page.getByLabel('申请说明').fill('在郑州工作，办理居住证');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('status')).toContainText('草稿已保存');
  await expect(page.getByLabel('申请说明')).toHaveValue('在郑州工作，办理居住证');
  // A required question left empty keeps the citizen on the step (the browser says which).
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('第 1 步，共 4 步')).toBeVisible();
  await expect(page.getByLabel('郑州居住地址')).toHaveValue('金水区花园路 88 号 3 号楼 501');
  await page.getByLabel('在郑州居住起始日期').fill('2025-03-01');
  await page.getByRole('button', { name: '下一步' }).click();

  // Materials: a required one cannot be skipped; a file is judged by its content, not its name.
  await expect(page.getByText('第 2 步，共 4 步')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.locator('.upload', { hasText: '居民身份证' }).locator('.field__error')).toContainText('请上传这份材料');
  await upload(page, '居民身份证', 'id-card.jpg', 'image/jpeg', Buffer.from('<html><script>alert(1)</script></html>'));
  await expect(page.getByRole('alert')).toContainText('只能上传照片（JPG、PNG）或 PDF 文件');
  await upload(page, '居民身份证', 'id-card.jpg', 'image/jpeg', PHOTO);
  await expect(page.locator('.upload', { hasText: '居民身份证' }).getByRole('status')).toContainText('已上传');
  await upload(page, '居住证明', 'lease.pdf', 'application/pdf', PDF);
  const photo = page.locator('.upload', { hasText: '居民身份证' }).locator('.upload__files a');
  await expect(photo).toHaveText(/照片 · \d+ KB/);
  // What is kept has lost the photo's location, and comes back only as a download.
  const kept = await page.request.get((await photo.getAttribute('href')) as string);
  expect(kept.status()).toBe(200);
  expect(kept.headers()['content-disposition']).toMatch(/^attachment/);
  expect(kept.headers()['content-type']).toBe('image/jpeg');
  expect((await kept.body()).toString('latin1')).not.toContain('GPS');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByLabel('到大厅窗口领取').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('第 4 步，共 4 步')).toBeVisible();
  await expect(page.locator('.answers')).toContainText('到大厅窗口领取');
  await expect(page.locator('.answers')).toContainText('PDF 文件');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page).toHaveURL(`/cases/${caseId}?done=submitted#done`);
  await expect(page.getByRole('status')).toContainText(/提交成功，办件编号 \d{8} \d{6} [\dX]/);
  await expect(page.locator('.case__state')).toContainText('已提交');
  const number = (await page.locator('.case__number').innerText()).replace(/\s/g, '');

  // Anyone with the number and the phone's last 4 digits follows it without signing in.
  const visitor = await browser.newContext({ baseURL: base, javaScriptEnabled: info.project.use.javaScriptEnabled });
  const track = await visitor.newPage();
  await track.goto('/track');
  await track.getByLabel('办件编号').fill(number);
  await track.getByLabel('手机号码后 4 位').fill(tail === '0000' ? '1111' : '0000');
  await track.getByRole('button', { name: '查询' }).click();
  await expect(track.getByRole('alert')).toContainText('没有找到这个办件');
  await expect(track.getByLabel('办件编号')).toHaveValue(number);
  await track.getByLabel('手机号码后 4 位').fill(tail);
  await track.getByRole('button', { name: '查询' }).click();
  await expect(track.locator('#result')).toContainText('居住证申领');
  await expect(track.locator('#result')).toContainText('已提交');
  await visitor.close();

  // The clerk asks for a supplement, with the reason the citizen will read.
  const [clerkUser, approverUser] = await makeStaff(page, info);
  const clerk = await staffPage(browser, base, info, clerkUser);
  await clerk.getByRole('link', { name: '办件受理' }).click();
  await expect(clerk.getByRole('link', { name: '居住证申领' }).first()).toBeVisible();
  await clerk.goto(`/staff/cases/${caseId}`);
  const lease = clerk.locator('.files a').nth(1);
  await expect(lease).toHaveText(/PDF 文件/);
  expect((await clerk.request.get((await lease.getAttribute('href')) as string)).status()).toBe(200);
  await act(clerk, caseId, '要求补正材料', '租房合同缺少备案页，请补充', {}, ['居住证明']);

  // The citizen sees what is wanted, supplies it, and sends the case in again.
  await page.goto(`/cases/${caseId}`);
  await expect(page.locator('.case__state')).toContainText('需补正');
  await expect(page.getByText('租房合同缺少备案页，请补充').first()).toBeVisible();
  await page.locator('.wanted').getByRole('link', { name: '居住证明' }).click();
  await expect(page.getByText('第 2 步，共 4 步')).toBeVisible();
  await upload(page, '居住证明', 'lease-2.pdf', 'application/pdf', PDF);
  await expect(page.locator('.upload', { hasText: '居住证明' }).locator('.upload__files li')).toHaveCount(2);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('.case__state')).toContainText('已提交');

  // Accepted, reviewed, approved, issued, collected.
  await act(clerk, caseId, '受理');
  const approver = await staffPage(browser, base, info, approverUser);
  await act(approver, caseId, '开始审查');
  await act(approver, caseId, '准予许可');
  await act(clerk, caseId, '出具结果，办结');

  // The result: a pickup code to show at the window, and a signed e-certificate anyone can check.
  await page.goto(`/cases/${caseId}`);
  const code = (await page.locator('.pickup-code').innerText()).trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(page.locator('#result .qr svg')).toBeVisible();
  const wrong = code === '000000' ? '111111' : '000000';
  await clerk.goto(`/staff/cases/${caseId}`);
  await clerk.getByLabel('取件码').fill(wrong);
  await clerk.getByRole('button', { name: '已领取', exact: true }).click();
  await expect(clerk.getByRole('alert')).toContainText('取件码不对');
  await expect(clerk.getByLabel('取件码')).toHaveValue(wrong);
  await act(clerk, caseId, '已领取', '', { 取件码: code });
  await page.getByRole('link', { name: '查验这张证照' }).click();
  await expect(page).toHaveURL(/\/verify\/[A-Z2-9]{16}\?s=[0-9a-f]{128}$/);
  await expect(page.locator('#verdict')).toContainText('证照有效');
  await expect(page.locator('#verdict')).toContainText('居住证申领');
  const forged = page.url().replace(/s=[0-9a-f]{2}/, 's=00');
  await page.goto(forged);
  await expect(page.locator('#verdict')).toContainText('未查到这张证照');

  // The citizen's 进度 tab and case page tell the whole story.
  await page.goto('/progress');
  const row = page.locator('.list__item', { hasText: '居住证申领' }).first();
  await expect(row).toContainText('已领取');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(`/cases/${caseId}`);
  await expect(page.locator('.case__clock')).toContainText('在承诺时限内办结');
  await expect(page.locator('#result')).toContainText('结果已在窗口领取');
  await expect(page.locator('.pickup-code')).toHaveCount(0);
  const steps = page.locator('.timeline__what');
  await expect(steps).toHaveText([
    '已领取', '出具结果，办结', '准予许可', '开始审查', '受理', '补正后重新提交', '要求补正材料', '提交申请',
  ]);
  await expect(page.locator('.timeline__meta').nth(6)).toContainText('公安 · 受理窗口');
  await clerk.context().close();
  await approver.context().close();

  // Someone else, signed in, finds nothing there.
  const other = await browser.newContext({ baseURL: base, javaScriptEnabled: info.project.use.javaScriptEnabled });
  const stranger = await other.newPage();
  await signInVerified(stranger, info, 7);
  expect((await stranger.goto(`/cases/${caseId}`))?.status()).toBe(404);
  expect((await stranger.goto(`/cases/${caseId}/edit`))?.status()).toBe(404);
  expect((await stranger.request.get(`/cases/${caseId}/files/1`)).status()).toBe(404);
  await other.close();
});
