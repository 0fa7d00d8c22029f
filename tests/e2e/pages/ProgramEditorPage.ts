import { expect, type Locator, type Page } from '@playwright/test';

export interface ProgramData {
  name: string;
  /** Visible label of the direction, e.g. «Физкультурно-спортивная». */
  direction: string;
  activityTypes?: string[];
  interests?: string[];
  ageMin: string;
  ageMax: string;
  registries: Array<'certified' | 'significant' | 'paid' | 'general' | 'preprofessional'>;
  goals?: string;
  annotation?: string;
  addresses?: string[];
}

export interface ModuleData {
  name: string;
  hours: string;
  price: string;
}

export interface GroupData {
  /** Visible module name; skipped when the program has one module (chosen already). */
  module?: string;
  name: string;
  startDate: string;
  endDate: string;
  capacity: string;
  address?: string;
  teacher?: string;
  /** Weekdays by their full Russian name, e.g. «Вторник». */
  timetable?: Array<{ weekday: string; start: string; end: string }>;
}

/** The program editor: description form, modules and groups tables with their dialogs, the group's week. */
export class ProgramEditorPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly refusal: Locator;
  readonly form: Locator;
  readonly save: Locator;
  readonly error: Locator;
  readonly moduleRows: Locator;
  readonly moduleDialog: Locator;
  readonly moduleError: Locator;
  readonly groupRows: Locator;
  readonly groupDialog: Locator;
  readonly groupError: Locator;
  readonly week: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('program-editor');
    this.title = this.root.locator('.page-title');
    this.refusal = page.getByTestId('program-refusal');
    this.form = page.getByTestId('program-form');
    this.save = page.getByTestId('program-save');
    this.error = page.getByTestId('program-error');
    this.moduleRows = page.getByTestId('module-row');
    this.moduleDialog = page.getByTestId('module-dialog');
    this.moduleError = page.getByTestId('module-error');
    this.groupRows = page.getByTestId('group-row');
    this.groupDialog = page.getByTestId('group-dialog');
    this.groupError = page.getByTestId('group-error');
    this.week = page.getByTestId('group-week');
  }

  async goto(programId: string): Promise<void> {
    await this.page.goto(`./#/organization/programs/${programId}`);
    await expect(this.root).toBeVisible();
  }

  /** A field's message as the form shows it under the field (NFormItem feedback). */
  fieldFeedback(testId: string): Locator {
    return this.page.locator('.n-form-item', { has: this.page.getByTestId(testId) }).locator('.n-form-item-feedback');
  }

  private async choose(selectTestId: string, option: string): Promise<void> {
    await this.page.getByTestId(selectTestId).click();
    await this.page.locator('.n-base-select-option:visible', { hasText: option }).first().click();
  }

  async fillProgram(p: ProgramData): Promise<void> {
    await this.page.getByTestId('program-name').fill(p.name);
    await this.choose('program-direction', p.direction);
    // Tags are typed as a person does: into the focused field, each confirmed with Enter.
    for (const [field, tags] of [['program-activityTypes', p.activityTypes], ['program-interests', p.interests]] as const) {
      for (const tag of tags ?? []) {
        await this.page.getByTestId(field).click();
        await this.page.keyboard.type(tag);
        await this.page.keyboard.press('Enter');
      }
    }
    await this.page.getByTestId('program-ageMin').fill(p.ageMin);
    await this.page.getByTestId('program-ageMax').fill(p.ageMax);
    for (const r of p.registries) await this.page.getByTestId(`program-registry-${r}`).click();
    if (p.goals !== undefined) await this.page.getByTestId('program-goals').fill(p.goals);
    if (p.annotation !== undefined) await this.page.getByTestId('program-annotation').fill(p.annotation);
    if (p.addresses) await this.page.getByTestId('program-addresses').fill(p.addresses.join('\n'));
  }

  module(name: string): Locator {
    return this.page.locator(`[data-testid="module-row"][data-name="${name}"]`);
  }

  group(name: string): Locator {
    return this.page.locator(`[data-testid="group-row"][data-name="${name}"]`);
  }

  async addModule(m: ModuleData): Promise<void> {
    await this.page.getByTestId('module-add').click();
    await expect(this.moduleDialog).toBeVisible();
    // Keyboard first: the dialog opens with the cursor in its first field.
    await expect(this.page.getByTestId('module-name')).toBeFocused();
    await this.fillModule(m);
  }

  async fillModule(m: ModuleData): Promise<void> {
    await this.page.getByTestId('module-name').fill(m.name);
    await this.page.getByTestId('module-hours').fill(m.hours);
    await this.page.getByTestId('module-price').fill(m.price);
    await this.page.getByTestId('module-submit').click();
  }

  /** Presses a row's or the program's «Удалить» and answers the question the dialog asks. */
  async remove(button: Locator, question: string | RegExp): Promise<void> {
    await button.click();
    const dialog = this.page.locator('.n-dialog', { hasText: question });
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('remove-confirm').click();
    await expect(dialog).toHaveCount(0);
  }

  async addGroup(g: GroupData): Promise<void> {
    await this.page.getByTestId('group-add').click();
    await expect(this.groupDialog).toBeVisible();
    await expect(this.page.getByTestId('group-name')).toBeFocused();
    await this.fillGroup(g);
  }

  async fillGroup(g: GroupData): Promise<void> {
    if (g.module) await this.choose('group-module', g.module);
    await this.page.getByTestId('group-name').fill(g.name);
    await this.page.getByTestId('group-start').fill(g.startDate);
    await this.page.getByTestId('group-end').fill(g.endDate);
    await this.page.getByTestId('group-capacity').fill(g.capacity);
    if (g.address !== undefined) await this.page.getByTestId('group-address').fill(g.address);
    if (g.teacher !== undefined) await this.page.getByTestId('group-teacher').fill(g.teacher);
    for (const [i, slot] of (g.timetable ?? []).entries()) {
      await this.page.getByTestId('slot-add').click();
      await this.choose(`slot-weekday-${i}`, slot.weekday);
      await this.page.getByTestId(`slot-start-${i}`).fill(slot.start);
      await this.page.getByTestId(`slot-end-${i}`).fill(slot.end);
    }
    await this.page.getByTestId('group-submit').click();
  }
}
