import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** «Обмен данными», tab «Офис и доверие»: the office's card and the trust list. */
export class ExchangePage {
  readonly ownCode: Locator;
  readonly ownRole: Locator;
  readonly ownFingerprint: Locator;
  readonly saveCardButton: Locator;
  readonly rows: Locator;
  readonly trustDialog: Locator;
  readonly trustError: Locator;
  readonly previewOffice: Locator;
  readonly previewFingerprint: Locator;
  readonly fingerprintInput: Locator;
  readonly match: Locator;
  readonly trustSubmit: Locator;

  constructor(readonly page: Page) {
    this.ownCode = page.getByTestId('own-office-code');
    this.ownRole = page.getByTestId('own-office-role');
    this.ownFingerprint = page.getByTestId('own-office-fingerprint');
    this.saveCardButton = page.getByTestId('office-card-save');
    this.rows = page.getByTestId('trust-row');
    this.trustDialog = page.getByTestId('trust-dialog');
    this.trustError = page.getByTestId('trust-error');
    this.previewOffice = page.getByTestId('trust-preview-office');
    this.previewFingerprint = page.getByTestId('trust-preview-fingerprint');
    this.fingerprintInput = page.getByTestId('trust-fingerprint-input');
    this.match = page.getByTestId('trust-match');
    this.trustSubmit = page.getByTestId('trust-submit');
  }

  async expectOpened(): Promise<void> {
    await expect(this.page.getByTestId('exchange-page')).toBeVisible();
    await expect(this.page.getByTestId('exchange-tab-offices')).toHaveAttribute('aria-selected', 'true');
    await expect(this.ownFingerprint).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  }

  /** «Сохранить карточку офиса»: the file the browser downloads, parsed. */
  async saveCard(): Promise<{ fileName: string; card: { code: string; fingerprint: string; publicKeys: Record<string, string> } & Record<string, unknown> }> {
    const download = this.page.waitForEvent('download');
    await this.saveCardButton.click();
    const file = await download;
    const text = await readFile((await file.path())!, 'utf8');
    return { fileName: file.suggestedFilename(), card: JSON.parse(text) as never };
  }

  /** Chooses a card file; the dialog opens with what the card says, or with the refusal. */
  async chooseCard(file: string): Promise<void> {
    await this.page.getByTestId('trust-file').setInputFiles(file);
    await expect(this.trustDialog).toBeVisible();
  }

  async typeFingerprint(text: string): Promise<void> {
    await this.fingerprintInput.fill(text);
  }

  row(code: string, revoked = false): Locator {
    return this.page.locator(`[data-testid="trust-row"][data-code="${code}"][data-revoked="${revoked}"]`);
  }

  async revoke(code: string, reason: string): Promise<void> {
    await this.row(code).getByTestId('trust-revoke').click();
    await expect(this.page.getByTestId('revoke-dialog')).toBeVisible();
    await this.page.getByTestId('revoke-text').fill(reason);
    await this.page.getByTestId('revoke-submit').click();
    await expect(this.page.getByTestId('revoke-dialog')).toBeHidden();
  }
}
