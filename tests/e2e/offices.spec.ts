import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from './fixtures';
import { logInAs, shot } from './helpers';
import { ExchangePage } from './pages/ExchangePage';

const CLI_SCRIPT = path.resolve(path.dirname(process.env.CERTDESK_SERVER ?? path.resolve('out/main/server.js')), 'cli.js');
const GROUPED = /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/;

/** Another office's registry, made and exported by the CLI as its administrator would: its card file and fingerprint. */
async function otherOfficeCard(dir: string): Promise<{ file: string; fingerprint: string }> {
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [CLI_SCRIPT, ...args], { env: { ...process.env, NODE_ENV: 'test' } });
  const dataDir = path.join(dir, 'apatity');
  await run('create', '--data-dir', dataDir, '--admin-login', 'chief', '--admin-password', 'long-enough-1', '--office-code', '9902-01', '--office-name', 'Отдел реестра сертификатов г. Апатиты');
  const file = path.join(dir, 'office-card-9902-01.json');
  const { stdout } = await run('office-card', '--data-dir', dataDir, '--out', file);
  const fingerprint = /Отпечаток \(продиктуйте его другому офису\): (.+)/.exec(stdout)![1]!.trim();
  return { file, fingerprint };
}

test('«Обмен данными» → «Офис и доверие»: save the card, trust another office\'s card by its fingerprint, revoke it', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'certdesk-e2e-offices-'));
  try {
    const layout = await logInAs(page, 'admin');
    await layout.open('Обмен данными');
    const exchange = new ExchangePage(page);
    await exchange.expectOpened();
    await expect(exchange.ownCode).toHaveText('9901-01');
    await expect(exchange.ownRole).toContainText('Отдел реестра сертификатов');
    await expect(page.getByTestId('trust-empty')).toBeVisible();

    // Our card: the file the other office will import, with the fingerprint the screen shows and no private key.
    const ownFingerprint = (await exchange.ownFingerprint.textContent())!;
    const saved = await exchange.saveCard();
    expect(saved.fileName).toBe('office-card-9901-01.json');
    expect(saved.card).toMatchObject({ code: '9901-01', fingerprint: ownFingerprint, role: 'registry_office' });
    expect(Object.keys(saved.card.publicKeys).sort()).toEqual(['box', 'sign']);
    expect(JSON.stringify(saved.card)).not.toMatch(/private/i);

    // A file that is not a card is refused in Russian, and nothing is added.
    const notACard = path.join(dir, 'notes.json');
    await writeFile(notACard, '{"hello": "world"}');
    await exchange.chooseCard(notACard);
    await expect(exchange.trustError).toContainText('не является карточкой офиса');
    await page.keyboard.press('Escape');
    await expect(exchange.trustDialog).toBeHidden();

    // Another office's card, made by the CLI; its fingerprint «read out over the phone».
    const other = await otherOfficeCard(dir);
    expect(other.fingerprint).toMatch(GROUPED);
    await exchange.chooseCard(other.file);
    await expect(exchange.previewOffice).toHaveText('9902-01 «Отдел реестра сертификатов г. Апатиты»');
    await expect(exchange.previewFingerprint).toHaveText(other.fingerprint);
    await expect(exchange.trustSubmit).toBeDisabled();
    await exchange.typeFingerprint('0000 1111');
    await expect(exchange.match).toContainText('не совпадает');
    await expect(exchange.trustSubmit).toBeDisabled();
    await exchange.typeFingerprint(other.fingerprint.toLowerCase());
    await expect(exchange.match).toContainText('Отпечаток совпадает');
    await shot(page, 'light-60-exchange-trust-dialog');
    await exchange.trustSubmit.click();
    await expect(exchange.trustDialog).toBeHidden();
    await expect(exchange.row('9902-01')).toBeVisible();
    await expect(exchange.row('9902-01').getByTestId('trust-fingerprint')).toHaveText(other.fingerprint);
    await expect(exchange.row('9902-01')).toContainText('Админова');
    await shot(page, 'light-61-exchange-offices');

    // The same card again is refused: the office is trusted already.
    await exchange.chooseCard(other.file);
    await expect(exchange.trustError).toContainText('уже в списке доверенных');
    await page.keyboard.press('Escape');

    // Revoked with a reason, it stays listed as revoked.
    await exchange.revoke('9902-01', 'Ноутбук офиса утерян');
    await expect(exchange.row('9902-01', true)).toBeVisible();
    await expect(exchange.row('9902-01', true).getByTestId('trust-revocation')).toContainText('Ноутбук офиса утерян');
    await expect(exchange.row('9902-01', true).getByTestId('trust-revoke')).toHaveCount(0);
    await expect(exchange.rows).toHaveCount(1);
    await shot(page, 'light-62-exchange-revoked');

    // The office's role, set by the administrator, is what the next card says.
    await page.getByTestId('office-role-change').click();
    // Under load a click during the dialog's entrance can land before the radio listens: choose until it is chosen.
    const regional = page.getByTestId('office-role-regional_operator');
    await expect(async () => {
      await regional.click();
      await expect(regional).toHaveClass(/n-radio--checked/, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await page.getByTestId('office-role-submit').click();
    await expect(exchange.ownRole).toContainText('Региональный оператор');
    expect((await exchange.saveCard()).card).toMatchObject({ role: 'regional_operator', fingerprint: ownFingerprint });

    await layout.toggleTheme();
    await expect.poll(() => layout.backgroundIsDark()).toBe(true);
    await shot(page, 'dark-62-exchange-revoked');
    await exchange.chooseCard(other.file);
    await expect(exchange.trustError).toContainText('были отозваны');
    await shot(page, 'dark-63-exchange-revoked-card-refused');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('«Обмен данными» is not offered to a registry operator', async ({ page }) => {
  const layout = await logInAs(page, 'operator');
  await expect(layout.navLink('Обмен данными')).toHaveCount(0);
});
