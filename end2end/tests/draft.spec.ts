import { expect, test } from './fixtures';
import { signInVerified } from './booking-support';

const RESIDENCE = '11410100005252014Q4000107004'; // 居住证申领: its first step asks where one lives

// JavaScript only (playwright.config.ts): without it the draft is the server's, which the
// cases spec covers in both modes.
test('what is typed is kept in the phone through a dropped connection and a reload', async ({ page, context }, info) => {
  await signInVerified(page, info, 9);
  await page.goto(`/apply/${RESIDENCE}`);
  await page.getByRole('button', { name: '开始填写' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+\/edit\?step=0$/);
  await expect(page.locator('[data-draft-keeper][data-live="true"]')).toBeAttached();

  // Typed while the connection is down: sent as a draft as soon as it is back.
  await page.getByLabel('郑州居住地址').fill('金水区花园路 88 号');
  await context.setOffline(true);
  await page.getByLabel('申请说明').fill('地铁里没有信号');
  await context.setOffline(false);
  await expect(page.locator('[data-draft-keeper]')).toContainText('网络已恢复，草稿已保存');
  await page.reload();
  await expect(page.getByLabel('郑州居住地址')).toHaveValue('金水区花园路 88 号');
  await expect(page.getByLabel('申请说明')).toHaveValue('地铁里没有信号');

  // Typed and then the page is gone (a reload, a closed tab): put back from the phone.
  await expect(page.locator('[data-draft-keeper][data-live="true"]')).toBeAttached();
  await page.getByLabel('郑州居住地址').fill('二七区大学路 12 号');
  await page.reload();
  await expect(page.getByLabel('郑州居住地址')).toHaveValue('二七区大学路 12 号');
  await expect(page.locator('[data-draft-keeper]')).toContainText('已恢复');
});
