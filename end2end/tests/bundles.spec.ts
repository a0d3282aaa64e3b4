import type { Browser } from '@playwright/test';
import { expect, test, type Page, type TestInfo } from './fixtures';
import { idNumber, signInVerified, staffPage } from './booking-support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02, 1, 2, 0xff, 0xd9]);

/** The admin makes a staff account: a 综合受理 clerk takes every department's items (one
 * person stands for every department's window), an approver decides for `departments`. */
async function makeStaff(browser: Browser, base: string, info: TestInfo, role = '综合受理', departments: string[] = []): Promise<[string, string]> {
  const admin = await browser.newContext({ baseURL: base, javaScriptEnabled: info.project.use.javaScriptEnabled });
  const page = await admin.newPage();
  await page.goto('/staff');
  await page.getByLabel('用户名').fill('e2e-admin');
  await page.getByLabel('密码').fill(process.env.E2E_ADMIN_PASSWORD as string);
  await page.getByRole('button', { name: '登录' }).click();
  await page.goto('/staff/accounts');
  const username = `bundle-${departments.length}-${info.project.name.length}-${Date.now() % 1000000}`;
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('钱综合');
  await page.getByLabel('角色').selectOption({ label: role });
  for (const d of departments) await page.getByLabel(d, { exact: true }).check();
  await page.getByRole('button', { name: '创建账号' }).click();
  const password = (await page.locator('.password').innerText()).trim();
  await admin.close();
  return [username, password];
}

async function upload(page: Page, label: string, buffer: Buffer, name: string, mimeType: string): Promise<void> {
  const box = page.locator('.upload', { hasText: label });
  await box.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  await box.getByRole('button', { name: '上传' }).click();
  await expect(page.locator('.upload', { hasText: label }).locator('.upload__files li')).not.toHaveCount(0);
}

/** The case id of the bundle item named `name`, from the citizen's tracking page. */
async function itemId(page: Page, name: string): Promise<string> {
  const href = await page.locator('.bundle-parts').getByRole('link', { name, exact: true }).getAttribute('href');
  return (href as string).split('/')[2];
}

/** The clerk finishes an item at once, recording `outputs` (label → value). */
async function finish(clerk: Page, id: string, outputs: Record<string, string> = {}): Promise<void> {
  await clerk.goto(`/staff/cases/${id}`);
  for (const [label, value] of Object.entries(outputs)) await clerk.getByLabel(label).fill(value);
  await clerk.getByRole('button', { name: '当场办结', exact: true }).click();
  await expect(clerk).toHaveURL(`/staff/cases/${id}#case`);
  await expect(clerk.locator('.case__state')).toContainText('已办结');
}

test('the birth bundle: asked once, run by each department in order, tracked on one page', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(240_000);
  const base = baseURL as string;
  await signInVerified(page, info, 7);

  // From the home tile to the bundle's page: what it spares, its order, who may apply.
  await page.goto('/');
  await page.getByRole('link', { name: /出生一件事/ }).click();
  await expect(page).toHaveURL('/bundles/birth');
  await expect(page.locator('.savings')).toContainText('少填 12 项、少交 6 份材料、少跑 3 次');
  await expect(page.locator('.flow__chart')).toBeVisible();
  await expect(page.locator('.flow__box')).toHaveCount(5);
  await page.getByLabel('新生儿出生日期').fill('2026-11-01');
  await page.getByLabel('本市助产医疗机构').check();
  await page.getByRole('button', { name: '开始办理' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+\/edit\?step=0#form$/);
  const bundleId = new URL(page.url()).pathname.split('/')[2];

  // One joint form: the eligibility answers are kept, each fact is asked once.
  await expect(page.getByLabel('新生儿出生日期')).toHaveValue('2026-11-01');
  await expect(page.getByLabel('出生医学证明编号')).toHaveCount(0);
  await page.getByLabel('新生儿姓名').fill('王小宝');
  await page.getByLabel('男').check();
  await page.getByLabel('随父').check();
  await page.getByLabel('新生儿', { exact: true }).check();
  await page.getByLabel('参保开始日期').fill('2026-11-01');
  await page.getByLabel('工商银行').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('第 2 步，共 4 步')).toBeVisible();
  // Each material once, even where several items need it.
  await expect(page.locator('.upload', { hasText: '父母双方居民身份证' })).toHaveCount(1);
  await upload(page, '父母双方居民身份证', PDF, 'ids.pdf', 'application/pdf');
  await upload(page, '出生医学证明首次签发登记表', PDF, 'form.pdf', 'application/pdf');
  await upload(page, '父母居民户口簿', PDF, 'hukou.pdf', 'application/pdf');
  await upload(page, '本人近期免冠彩色证件照', PHOTO, 'baby.jpg', 'image/jpeg');
  await upload(page, '社会保障卡申领登记表', PDF, 'card.pdf', 'application/pdf');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('到大厅窗口领取').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page).toHaveURL(`/cases/${bundleId}?done=submitted#done`);

  // One tracking page: the first items at their departments, the rest waiting their turn.
  const parts = page.locator('.bundle-parts .list__item');
  await expect(parts).toHaveCount(5);
  await expect(parts.nth(0)).toContainText('出生医学证明首次签发已提交');
  await expect(parts.nth(2)).toContainText('等「出生医学证明首次签发」办结后自动提交');
  await expect(page.locator('.flow__box--waiting')).toHaveCount(3);
  const cert = await itemId(page, '出生医学证明首次签发');
  const vaccine = await itemId(page, '预防接种证办理');
  const hukou = await itemId(page, '出生登记（新生儿入户）');
  const medical = await itemId(page, '城乡居民基本医疗保险参保登记');
  const card = await itemId(page, '社会保障卡申领');

  const clerk = await staffPage(browser, base, info, await makeStaff(browser, base, info));
  // A 出生登记 still waiting says for what; its department sees only its own facts.
  await clerk.goto(`/staff/cases/${hukou}`);
  await expect(clerk.locator('#case')).toContainText('等待前序事项：出生医学证明首次签发');
  await expect(clerk.locator('#case')).toContainText('王小宝');
  await expect(clerk.locator('#case')).not.toContainText('工商银行');

  // A supplement asked on 预防接种证 stops nothing else.
  await clerk.goto(`/staff/cases/${vaccine}`);
  await clerk.getByLabel('意见或原因').fill('身份证照片不清晰，请重新上传');
  await clerk.getByLabel('监护人居民身份证').check();
  await clerk.getByRole('button', { name: '要求补正材料', exact: true }).click();
  await expect(clerk).toHaveURL(`/staff/cases/${vaccine}#case`);
  // 出生医学证明 needs its number to finish; the number then flows into 出生登记.
  await clerk.goto(`/staff/cases/${cert}`);
  await clerk.getByRole('button', { name: '当场办结', exact: true }).click();
  await expect(clerk.locator('.field__error')).toContainText('请填写此项');
  await finish(clerk, cert, { 出生医学证明编号: 'Q410123456' });
  await clerk.goto(`/staff/cases/${hukou}`);
  await expect(clerk.locator('.case__state')).toContainText('已提交');
  await expect(clerk.locator('#case')).toContainText('Q410123456');
  const babyId = idNumber('20261101', Math.floor(Math.random() * 1000));
  await finish(clerk, hukou, { 新生儿公民身份号码: babyId });
  await finish(clerk, medical);

  await page.goto(`/cases/${bundleId}`);
  await expect(page.locator('#items .lead')).toContainText('已办结 3 项，1 项需要您补正');
  await expect(page.locator('.flow__box--wanted')).toHaveCount(1);
  // The citizen mends that one item alone.
  await page.locator('.bundle-parts').getByRole('link', { name: '预防接种证办理' }).click();
  await expect(page).toHaveURL(`/cases/${vaccine}`);
  await expect(page.getByText('身份证照片不清晰，请重新上传').first()).toBeVisible();
  await page.getByRole('link', { name: '补正并重新提交' }).click();
  await upload(page, '监护人居民身份证', PDF, 'id-2.pdf', 'application/pdf');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('.case__state')).toContainText('已提交');
  await expect(page.locator('#case')).toContainText('出生一件事');

  await finish(clerk, vaccine);
  await finish(clerk, card);
  await page.goto(`/cases/${bundleId}`);
  await expect(page.locator('#items .lead')).toContainText('共 5 项，已办结 5 项');
  await expect(page.locator('.flow__box--done')).toHaveCount(5);
  await expect(page.locator('#next')).toContainText('生育津贴申领');
  // The newborn joined the family along the way.
  await page.goto('/me/family');
  await expect(page.locator('main')).toContainText('王*宝');
  await page.goto('/progress');
  await expect(page.locator('.list__item', { hasText: '出生一件事' })).toContainText('共 5 项，已办结 5 项');
});

/** Takes an item the long way: accepted, reviewed, approved, and its result issued. */
async function road(clerk: Page, approver: Page, id: string, outputs: Record<string, string> = {}): Promise<void> {
  for (const [who, action] of [[clerk, '受理'], [approver, '开始审查'], [approver, '准予许可']] as const) {
    await who.goto(`/staff/cases/${id}`);
    await who.getByRole('button', { name: action, exact: true }).click();
    await expect(who.locator('.timeline__item').first()).toContainText(action);
  }
  await clerk.goto(`/staff/cases/${id}`);
  for (const [label, value] of Object.entries(outputs)) await clerk.getByLabel(label).fill(value);
  await clerk.getByRole('button', { name: '出具结果，办结', exact: true }).click();
  await expect(clerk.locator('.case__state')).toContainText('已办结');
}

test('the retirement bundle: parallel items, a join after three of them, the account closed last', async ({ page, browser, baseURL }, info) => {
  test.setTimeout(300_000);
  const base = baseURL as string;
  await signInVerified(page, info, 5);
  await page.goto('/theme/retirement');
  await page.getByRole('link', { name: /退休一件事/ }).click();
  await expect(page).toHaveURL('/bundles/retirement');
  await expect(page.locator('.savings')).toContainText('少填 16 项、少交 5 份材料、少跑 1 次');
  await page.getByLabel('退休日期').fill('2026-11-30');
  await page.getByLabel('已取得人社部门的退休审批').check();
  await page.getByRole('button', { name: '开始办理' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+\/edit\?step=0#form$/);
  const bundleId = new URL(page.url()).pathname.split('/')[2];
  await page.getByLabel('养老金发放银行账号').fill('6222020200112233445');
  await page.getByLabel('提取资金到账银行账号').fill('6222020200112233445');
  await page.getByRole('button', { name: '下一步' }).click();
  // One 居民身份证 for all four items that ask it.
  await expect(page.locator('.upload', { hasText: '居民身份证' })).toHaveCount(1);
  for (const label of ['居民身份证', '职工基本养老保险待遇申领表', '本人社会保障卡金融账户', '本人名下银行借记卡']) {
    await upload(page, label, PDF, 'scan.pdf', 'application/pdf');
  }
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('到大厅窗口领取').check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page).toHaveURL(`/cases/${bundleId}?done=submitted#done`);
  await expect(page.locator('.flow__box--waiting')).toHaveCount(5);
  const ids = {
    check: await itemId(page, '社会保险待遇领取资格认证（养老金资格认证）'),
    pension: await itemId(page, '职工基本养老保险待遇申领（退休养老金核定）'),
    years: await itemId(page, '职工医保退休人员缴费年限核定'),
    seal: await itemId(page, '住房公积金个人账户封存（离休、退休）'),
    draw: await itemId(page, '住房公积金提取（离休、退休）'),
    close: await itemId(page, '住房公积金个人账户销户（离休、退休）'),
  };
  const clerk = await staffPage(browser, base, info, await makeStaff(browser, base, info));
  const approver = await staffPage(browser, base, info, await makeStaff(browser, base, info, '审批', ['社保', '医保', '公积金']));
  await finish(clerk, ids.check);
  await page.goto(`/cases/${bundleId}`);
  await expect(page.locator('.flow__box--active')).toHaveCount(3);
  await road(clerk, approver, ids.pension, { 养老待遇核定编号: 'YL2026-0001' });
  await road(clerk, approver, ids.years);
  await clerk.goto(`/staff/cases/${ids.draw}`);
  await expect(clerk.locator('#case')).toContainText('等待前序事项：住房公积金个人账户封存（离休、退休）');
  await road(clerk, approver, ids.seal, { 住房公积金个人账号: 'GJ-880012' });
  // The extraction starts by itself with what the items before it issued.
  await clerk.goto(`/staff/cases/${ids.draw}`);
  await expect(clerk.locator('.case__state')).toContainText('已提交');
  await expect(clerk.locator('#case')).toContainText('YL2026-0001');
  await expect(clerk.locator('#case')).toContainText('GJ-880012');
  await finish(clerk, ids.draw);
  await road(clerk, approver, ids.close);
  await page.goto(`/cases/${bundleId}`);
  await expect(page.locator('#items .lead')).toContainText('共 6 项，已办结 6 项');
  await expect(page.locator('.flow__box--done')).toHaveCount(6);
});

test('someone the bundle is not for is told why, and what they can apply for one by one', async ({ page }, info) => {
  await signInVerified(page, info, 8);
  await page.goto('/search?q=%E6%96%B0%E7%94%9F%E5%84%BF%E8%90%BD%E6%88%B7');
  await page.getByRole('link', { name: /出生一件事/ }).click();
  await expect(page).toHaveURL('/bundles/birth');
  await page.getByLabel('新生儿出生日期').fill('2024-05-01');
  await page.getByLabel('外地医院、家中或其他地方').check();
  await page.getByRole('button', { name: '开始办理' }).click();
  const notice = page.locator('#eligibility');
  await expect(notice).toContainText('暂不能办理这项一件事');
  await expect(notice).toContainText('只受理出生一年以内的新生儿');
  await expect(notice).toContainText('出生医学证明需另行申请签发');
  await expect(notice.getByRole('link')).toHaveCount(5);
  await notice.getByRole('link', { name: '预防接种证办理' }).click();
  await expect(page).toHaveURL(/\/guide\/11410100MB1A48611L4000120002/);
});
