import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type CardTab = 'activation' | 'consent' | 'confirmation' | 'contracts' | 'documents' | 'family' | 'representative' | 'history';

export class CardPage {
  readonly heading: Locator;
  readonly number: Locator;
  readonly title: Locator;
  readonly status: Locator;
  readonly category: Locator;
  readonly nominal: Locator;
  readonly balance: Locator;
  readonly reserve: Locator;
  readonly budgetCounts: Locator;
  /** «Использовано в этом году»: the budget places the year's contracts took. */
  readonly budgetUsed: Locator;
  readonly notifications: Locator;
  readonly representative: Locator;
  readonly child: Locator;
  readonly printed: Locator;
  readonly printedDownload: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId('cert-heading');
    this.number = page.getByTestId('cert-number');
    this.title = page.getByTestId('cert-title');
    this.status = page.getByTestId('cert-status');
    this.category = page.getByTestId('cert-category');
    this.nominal = page.getByTestId('cert-nominal');
    this.balance = page.getByTestId('cert-balance');
    this.reserve = page.getByTestId('cert-reserve');
    this.budgetCounts = page.getByTestId('cert-budget-counts');
    this.budgetUsed = page.getByTestId('cert-budget-used');
    this.notifications = page.getByTestId('cert-notifications');
    this.representative = page.getByTestId('cert-representative');
    this.child = page.getByTestId('cert-child');
    this.printed = page.getByTestId('printed-document');
    this.printedDownload = page.getByTestId('printed-download');
  }

  /** Opens the card by certificate number (the route accepts an id or a number). */
  async gotoNumber(number: string): Promise<void> {
    await this.page.goto(`./#/certificates/${number}`);
    await expect(this.heading).toBeVisible();
  }

  async expectOpened(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async currentNumber(): Promise<string> {
    return (await this.number.textContent())!.trim();
  }

  tabButton(tab: CardTab): Locator {
    return this.page.getByTestId(`card-tab-${tab}`);
  }

  async openTab(tab: CardTab): Promise<Locator> {
    await this.tabButton(tab).click();
    const panel = this.page.getByTestId(`tab-${tab}`);
    await expect(panel).toBeVisible();
    return panel;
  }

  /**
   * The printed document: waits for the «Скачать» link of the new document (the previous one may still be
   * on screen), downloads it and returns the bytes.
   */
  async downloadPrinted(previousNumber?: string | null): Promise<{ bytes: Buffer; download: Download; registrationNumber: string }> {
    await expect(this.printed).toBeVisible();
    if (previousNumber) await expect(this.printed).not.toHaveAttribute('data-registration-number', previousNumber);
    const registrationNumber = (await this.printed.getAttribute('data-registration-number'))!;
    await expect(this.printedDownload).toHaveAttribute('href', /^blob:/);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.printedDownload.click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { bytes: await readFile(path), download, registrationNumber };
  }
}

/** «Активация» tab. */
export class ActivationTab {
  readonly childIdentity: Locator;
  readonly representativeIdentity: Locator;
  readonly representationProof: Locator;
  readonly saveChecklist: Locator;
  readonly activate: Locator;
  readonly error: Locator;
  readonly missing: Locator;
  readonly missingItems: Locator;

  constructor(readonly page: Page) {
    this.childIdentity = page.getByTestId('check-child-identity');
    this.representativeIdentity = page.getByTestId('check-rep-identity');
    this.representationProof = page.getByTestId('check-rep-proof');
    this.saveChecklist = page.getByTestId('checklist-save');
    this.activate = page.getByTestId('activate');
    // A refusal naming missing items is shown as the list's alert; any other refusal as a plain alert.
    this.error = page.locator('[data-testid="activation-error"], [data-testid="activation-missing"][role="alert"]');
    this.missing = page.getByTestId('activation-missing');
    this.missingItems = page.getByTestId('activation-missing-item');
  }

  async tickAll(): Promise<void> {
    await this.childIdentity.click();
    await this.representativeIdentity.click();
    if (await this.representationProof.count()) await this.representationProof.click();
    await this.saveChecklist.click();
    await expect(this.page.getByTestId('checklist-recorded')).toBeVisible();
  }
}

/** «Согласие на обработку ПДн» tab. */
export class ConsentTab {
  readonly printForm: Locator;
  readonly signOpen: Locator;
  readonly signedOn: Locator;
  readonly signedBy: Locator;
  readonly formVersion: Locator;
  readonly signSubmit: Locator;
  readonly rows: Locator;
  readonly error: Locator;
  readonly state: Locator;

  constructor(readonly page: Page) {
    this.printForm = page.getByTestId('print-consent-form');
    this.signOpen = page.getByTestId('consent-sign-open');
    this.signedOn = page.getByTestId('consent-signed-on');
    this.signedBy = page.getByTestId('consent-signed-by');
    this.formVersion = page.getByTestId('consent-form-version');
    this.signSubmit = page.getByTestId('consent-sign-submit');
    this.rows = page.getByTestId('consent-row');
    this.error = page.getByTestId('consent-error');
    this.state = page.getByTestId('consent-state');
  }

  /** Marks the consent signed with the defaults (today, the representative, the current form version). */
  async markSigned(): Promise<void> {
    await this.signOpen.click();
    await this.signSubmit.click();
    await expect(this.state).toHaveText('Действующее согласие есть');
  }

  scanInput(index = 0): Locator {
    return this.page.getByTestId('scan-input').nth(index);
  }
}

/** «Тип подтверждения» tab. */
export class ConfirmationTab {
  readonly phrase: Locator;
  readonly repeat: Locator;
  readonly save: Locator;
  readonly error: Locator;
  readonly phraseState: Locator;

  constructor(readonly page: Page) {
    this.phrase = page.getByTestId('code-phrase');
    this.repeat = page.getByTestId('code-phrase-repeat');
    this.save = page.getByTestId('confirmation-save');
    this.error = page.getByTestId('confirmation-error');
    this.phraseState = page.getByTestId('code-phrase-state');
  }

  async choose(policy: 'forbidden' | 'by_name' | 'by_phrase'): Promise<void> {
    await this.page.getByTestId(`policy-${policy}`).click();
    await expect(this.page.getByTestId(`policy-${policy}`).locator('input[type="radio"]')).toBeChecked();
  }
}

/** «Документы» tab. */
export class DocumentsTab {
  readonly printExtract: Locator;
  readonly printAttendance: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.printExtract = page.getByTestId('print-extract');
    this.printAttendance = page.getByTestId('print-attendance');
    this.rows = page.getByTestId('document-row');
  }

  row(registrationNumber: string): Locator {
    return this.page.locator(`[data-testid="document-row"][data-number="${registrationNumber}"]`);
  }
}
