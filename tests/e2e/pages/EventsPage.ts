import { expect, type Locator, type Page } from '@playwright/test';

export interface EventData {
  name: string;
  /** The visible label of the kind, e.g. «Соревнование, конкурс». */
  kind: string;
  startDate: string;
  startTime: string;
  endDate?: string;
  endTime: string;
  address: string;
  ageMin: string;
  ageMax: string;
  places?: string;
  description?: string;
}

/** «Мероприятия»: the list of events, its tabs and the organization filter, and «Новое мероприятие». */
export class EventsPage {
  readonly root: Locator;
  readonly items: Locator;
  readonly empty: Locator;
  readonly newEvent: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('events-page');
    this.items = page.getByTestId('event-item');
    this.empty = page.getByTestId('events-empty');
    this.newEvent = page.getByTestId('event-new');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`./#/events${query}`);
    await expect(this.root).toBeVisible();
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="event-item"][data-name="${name}"]`);
  }

  /** The names of the events on screen, in order. */
  async names(): Promise<string[]> {
    return this.items.getByTestId('event-item-name').allInnerTexts();
  }
}

/** The event dialog (new or edit), a FormDialog: Enter in a field saves. */
export class EventDialog {
  readonly root: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('event-dialog');
    this.submit = page.getByTestId('event-submit');
    this.error = page.getByTestId('event-form-error');
  }

  field(name: string): Locator {
    return this.page.getByTestId(`event-form-${name}`);
  }

  /** The message under a field, as the form shows it next to the field. */
  feedback(name: string): Locator {
    return this.root.locator('.n-form-item', { has: this.field(name) }).locator('.n-form-item-feedback');
  }

  async fill(data: EventData): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.field('name').fill(data.name);
    await this.page.getByTestId('event-form-kind').click();
    await this.page.locator('.n-base-select-option', { hasText: data.kind }).click();
    await this.field('start-date').fill(data.startDate);
    await this.field('start-time').fill(data.startTime);
    await this.field('end-date').fill(data.endDate ?? '');
    await this.field('end-time').fill(data.endTime);
    await this.field('address').fill(data.address);
    await this.field('age-min').fill(data.ageMin);
    await this.field('age-max').fill(data.ageMax);
    await this.field('places').fill(data.places ?? '');
    await this.field('description').fill(data.description ?? '');
  }
}

/** An event's page: its facts, «Подать заявку», the applications and «Отменить заявку». */
export class EventPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly when: Locator;
  readonly places: Locator;
  readonly apply: Locator;
  readonly edit: Locator;
  readonly remove: Locator;
  readonly applications: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('event-page');
    this.name = page.getByTestId('event-name');
    this.when = page.getByTestId('event-when');
    this.places = this.root.getByTestId('event-places');
    this.apply = page.getByTestId('event-apply');
    this.edit = page.getByTestId('event-edit');
    this.remove = page.getByTestId('event-remove');
    this.applications = page.getByTestId('event-application');
  }

  async expectOpened(name: string): Promise<void> {
    await expect(this.name).toHaveText(name);
  }

  application(certificateNumber: string, status: 'submitted' | 'cancelled'): Locator {
    return this.page.locator(`[data-testid="event-application"][data-certificate="${certificateNumber}"][data-status="${status}"]`);
  }

  /** «Подать заявку»: the certificate number and the child's name («Подтверждение по ФИО»), then Enter. */
  async applyFor(certificateNumber: string, childFullName: string): Promise<void> {
    await this.apply.click();
    const dialog = this.page.getByTestId('event-apply-dialog');
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('event-apply-certificate').fill(certificateNumber);
    await this.page.getByTestId('event-apply-child-name').fill(childFullName);
    await this.page.getByTestId('event-apply-child-name').press('Enter');
  }

  async cancel(certificateNumber: string, reason: string): Promise<void> {
    await this.application(certificateNumber, 'submitted').getByTestId('event-application-cancel').click();
    await this.page.getByTestId('event-cancel-text').fill(reason);
    await this.page.getByTestId('event-cancel-submit').click();
  }
}
