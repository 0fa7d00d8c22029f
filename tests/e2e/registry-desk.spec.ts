import { test, expect } from './fixtures';
import { ActivationTab, CardPage, ConsentTab } from './pages/CardPage';
import { ALYONA_MOTHER, expectNoRussianGaps, expectPdf, issueNewChild, logInAs } from './helpers';

test('from a new child to an activated certificate: refusal names what is missing, checklist, consent form, signature', async ({ page }) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);

  // Activation is refused while the checklist and the consent are missing; the missing items are listed.
  await card.openTab('activation');
  const activation = new ActivationTab(page);
  await expect(activation.missingItems).toHaveCount(3);
  await activation.activate.click();
  await expect(activation.error).toContainText('Сертификат нельзя активировать');
  await expect(activation.missing).toContainText('не отмечен документ, удостоверяющий личность ребёнка');
  await expect(activation.missing).toContainText('нет подписанного и не отозванного согласия');
  await expect(card.status).toHaveText('Сертификат не активирован');
  // A mother needs no proof of representation.
  await expect(activation.representationProof).toHaveCount(0);
  await expect(page.getByTestId('proof-not-needed')).toBeVisible();

  await activation.tickAll();
  await expect(activation.missingItems).toHaveCount(1);
  await expect(activation.missing).toContainText('согласия на обработку персональных данных');

  // The consent form: a PDF is returned by the core, opened in a new tab and offered as a download.
  await card.openTab('consent');
  const consent = new ConsentTab(page);
  await expect(consent.state).toHaveText('Действующего согласия нет');
  const [response, popup] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/documents.printConsentForm')),
    page.waitForEvent('popup'),
    consent.printForm.click(),
  ]);
  const body = (await response.json()) as { ok: boolean; value: { pdfBase64: string; fileName: string } };
  expect(body.ok).toBe(true);
  expectPdf(Buffer.from(body.value.pdfBase64, 'base64'));
  expect(popup.url()).toMatch(/^blob:/);
  await popup.close();
  const { bytes, download } = await card.downloadPrinted();
  expectPdf(bytes);
  expect(download.suggestedFilename()).toBe(body.value.fileName);

  // Signature with the defaults: today, the representative, the current form version.
  await consent.signOpen.click();
  await expect(consent.signedBy).toHaveValue(`${ALYONA_MOTHER.lastName} ${ALYONA_MOTHER.firstName} ${ALYONA_MOTHER.middleName}`);
  await expect(consent.formVersion).toHaveValue('2026-1');
  await expect(consent.signedOn).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  await consent.signSubmit.click();
  await expect(consent.state).toHaveText('Действующее согласие есть');
  await expect(consent.rows).toHaveCount(1);

  await card.openTab('activation');
  await expect(activation.missing).toHaveCount(0);
  await activation.activate.click();
  await expect(card.status).toHaveText('Сертификат активирован');

  // Suspension with a reason, then resume.
  await page.getByTestId('suspend').click();
  await page.getByTestId('suspend-text').fill('Заявление законного представителя');
  await page.getByTestId('suspend-submit').click();
  await expect(card.status).toHaveText('Сертификат приостановлен');
  await expect(page.getByTestId('status-reason')).toContainText('Заявление законного представителя');
  await page.getByTestId('resume').click();
  await expect(card.status).toHaveText('Сертификат активирован');

  // History records every step with the operator.
  const history = await card.openTab('history');
  await expect(page.getByTestId('history-row').first()).toBeVisible();
  const operatorName = (await page.getByTestId('operator-name').textContent())!.trim();
  await expect(history).toContainText(operatorName);
  await expect(history).toContainText('Заявление законного представителя');
  await expectNoRussianGaps(page);
});

test('withdrawing the consent suspends the certificate; annulment asks for an explicit confirmation', async ({ page }) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  const activation = new ActivationTab(page);
  await card.openTab('activation');
  await activation.tickAll();
  await card.openTab('consent');
  const consent = new ConsentTab(page);
  await consent.markSigned();
  await card.openTab('activation');
  await activation.activate.click();
  await expect(card.status).toHaveText('Сертификат активирован');

  await card.openTab('consent');
  await page.getByTestId('consent-withdraw-open').click();
  await page.getByTestId('consent-withdraw-submit').click();
  await expect(consent.state).toHaveText('Действующего согласия нет');
  await expect(page.getByTestId('consent-withdrawn')).toContainText('отозвано');
  await expect(card.status).toHaveText('Сертификат приостановлен');
  // The withdrawn consent stays in the history.
  await expect(consent.rows).toHaveCount(1);

  // Resume is refused without a valid consent, naming why.
  await card.openTab('activation');
  await page.getByTestId('resume').click();
  await expect(activation.error).toContainText('нельзя возобновить');

  // Annulment: reason and an explicit «I understand it is final».
  await page.getByTestId('annul').click();
  const submit = page.getByTestId('annul-submit');
  await page.getByTestId('annul-text').fill('Выдан по ошибке');
  await expect(submit).toBeDisabled();
  await expect(page.getByTestId('annul-dialog')).toContainText('окончательно');
  await page.getByTestId('annul-understood').click();
  await submit.click();
  await expect(card.status).toHaveText('Сертификат аннулирован');
  await expect(page.getByTestId('cert-status-reason')).toHaveText('Выдан по ошибке');
});

test('the representative settings: contacts and the convenient address for classes', async ({ page }) => {
  await logInAs(page, 'operator');
  await issueNewChild(page);
  const card = new CardPage(page);
  await card.openTab('representative');
  await page.getByTestId('rep-edit-email').fill('not-an-email');
  await page.getByTestId('representative-save').click();
  await expect(page.getByTestId('representative-error')).toContainText('Электронная почта указана неверно');
  await page.getByTestId('rep-edit-email').fill('elkina.new@example.ru');
  await page.getByTestId('rep-edit-class-address').fill('г. Мурманск, пр. Ленина, д. 1');
  await page.getByTestId('representative-save').click();
  await expect(page.getByTestId('cert-rep-class-address')).toHaveText('г. Мурманск, пр. Ленина, д. 1');
  await expect(card.representative).toContainText('elkina.new@example.ru');
});
