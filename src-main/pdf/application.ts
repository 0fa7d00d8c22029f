/**
 * «Заявление на зачисление на обучение по дополнительной общеобразовательной программе»: the form the
 * representative signs for one application (contract), addressed to the organization. Plain data in, PDF out;
 * the core gathers the numbers (the contract's price and parts, the monthly schedule) and registers the document.
 */
import { formatDateRu, formatRubles } from '../../shared/rules';
import { renderSingle } from './documents';
import { BLANK, initialsName, type DocumentFrame, type KeyValueRow, type Sheet } from './layout';

export interface ApplicationMonth {
  /** 'YYYY-MM' */
  month: string;
  certificateKopecks: number;
  parentKopecks: number;
}

export type ApplicationPayment =
  | {
      funding: 'certificate';
      priceKopecks: number;
      certificateKopecks: number;
      parentKopecks: number;
      schedule: ApplicationMonth[];
      /** For an application not yet confirmed: the parts are an estimate, fixed at confirmation. */
      provisionalNote: string | null;
    }
  | {
      funding: 'budget';
      priceKopecks: number;
      /** «Общеразвивающие программы»; null when the certificate has no budget place left for the program. */
      registryLabel: string | null;
      provisionalNote: string | null;
    };

export interface ApplicationFormData extends DocumentFrame {
  organization: { fullName: string };
  representative: { fullName: string; relationLabel: string; phone: string | null; email: string | null; address: string | null } | null;
  child: { fullName: string; birthDate: string };
  certificate: { number: string; typeLabel: string };
  program: {
    name: string;
    moduleName: string;
    moduleHours: number;
    groupName: string;
    classAddress: string;
    teacher: string | null;
    timetable: Array<{ weekday: number; start: string; end: string }>;
    /** 'YYYY-MM-DD', both included. */
    startDate: string;
    endDate: string;
  };
  application: {
    number: string;
    /** 'YYYY-MM-DD' in the office's time zone. */
    appliedOn: string;
    statusLabel: string;
    confirmationMethod: string;
  };
  payment: ApplicationPayment;
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'] as const;
const WEEKDAYS = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'] as const;

/** '2026-09' → «сентябрь 2026». */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The group's week: «вт 16:00–17:30; чт 16:00–17:30». */
export function timetableLine(timetable: ApplicationFormData['program']['timetable']): string {
  if (timetable.length === 0) return 'по расписанию организации';
  return [...timetable]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((t) => `${WEEKDAYS[t.weekday - 1]} ${t.start}–${t.end}`)
    .join('; ');
}

/** What signaturesWithVerification takes for two dated signatures beside the QR block. */
const SIGNATURES_HEIGHT = 2 * 48 + 6;

const orDash = (value: string | null | undefined): string => (value && value.trim().length > 0 ? value : '—');

/** The addressee and the applicant, in the upper right half as Russian applications are headed. */
function addressee(sheet: Sheet, d: ApplicationFormData): void {
  const x = sheet.left + sheet.width * 0.46;
  const width = sheet.right - x;
  const line = (text: string, font: 'regular' | 'bold', gapAfter: number): void => {
    sheet.style({ font, size: 9.5 });
    sheet.doc.text(text, x, sheet.y, { width, align: 'left', lineGap: 0.5 });
    sheet.space(gapAfter);
  };
  line(`В ${d.organization.fullName}`, 'bold', 4);
  const r = d.representative;
  line(`от ${r ? r.fullName : BLANK}`, 'bold', 1);
  line(r ? `(${r.relationLabel.toLowerCase()} ребёнка — законный представитель)` : '(Ф. И. О. законного представителя)', 'regular', 0);
  sheet.doc.x = sheet.left;
  sheet.space(10);
}

function paymentSection(sheet: Sheet, d: ApplicationFormData): void {
  const p = d.payment;
  sheet.heading('3. Стоимость обучения и оплата');
  const price: KeyValueRow = { label: 'Стоимость обучения за период', value: formatRubles(p.priceKopecks), valueFont: 'bold' };
  if (p.funding === 'budget') {
    sheet.keyValue([
      price,
      { label: 'Оплата', value: 'бюджетное место: средства сертификата не используются' },
      { label: 'Реестр бюджетных программ', value: p.registryLabel ?? 'у сертификата не осталось мест в бюджетных реестрах этой программы' },
    ], 0.34);
  } else {
    sheet.keyValue([
      price,
      [
        { label: 'За счёт сертификата', value: formatRubles(p.certificateKopecks), valueFont: 'bold' },
        { label: 'За счёт представителя', value: formatRubles(p.parentKopecks), valueFont: 'bold' },
      ],
    ], 0.34);
  }
  const notes = [p.provisionalNote, p.funding === 'certificate' ? 'Ежемесячные платежи — в приложении к заявлению.' : null].filter((n) => n !== null);
  if (notes.length) sheet.paragraph(notes.join(' '), { font: 'italic', size: 8.5, align: 'left' });
  sheet.space(2);
}

/** The appendix: the month-by-month payments of a certificate-funded application, kept together with its heading. */
function scheduleAppendix(sheet: Sheet, d: ApplicationFormData): void {
  const p = d.payment;
  if (p.funding !== 'certificate') return;
  const rowHeight = 16.5;
  sheet.space(10);
  sheet.heading('Приложение к заявлению. График ежемесячных платежей', 60 + rowHeight * (p.schedule.length + 2));
  sheet.paragraph(
    `Заявка ${d.application.number}. Платежи равными частями; первый месяц включает остаток от деления, так что сумма платежей равна стоимости до копейки.`,
    { size: 8.5, align: 'left' },
  );
  sheet.space(3);
  const total = (pick: (m: ApplicationMonth) => number): number => p.schedule.reduce((sum, m) => sum + pick(m), 0);
  sheet.grid(
    [
      { title: '№', share: 0.06, align: 'center' },
      { title: 'Месяц', share: 0.28 },
      { title: 'За счёт сертификата', share: 0.22, align: 'right' },
      { title: 'За счёт представителя', share: 0.22, align: 'right' },
      { title: 'Всего за месяц', share: 0.22, align: 'right' },
    ],
    [
      ...p.schedule.map((m, i) => [
        String(i + 1),
        monthLabel(m.month),
        formatRubles(m.certificateKopecks),
        formatRubles(m.parentKopecks),
        formatRubles(m.certificateKopecks + m.parentKopecks),
      ]),
      ['', 'Итого', formatRubles(total((m) => m.certificateKopecks)), formatRubles(total((m) => m.parentKopecks)), formatRubles(total((m) => m.certificateKopecks + m.parentKopecks))],
    ],
  );
}

function drawApplication(sheet: Sheet, d: ApplicationFormData): void {
  const g = d.program;
  const r = d.representative;
  sheet.officeHeader(d);
  addressee(sheet, d);
  sheet.title('ЗАЯВЛЕНИЕ', 'на зачисление на обучение по дополнительной общеобразовательной программе');
  sheet.paragraph(
    `Прошу зачислить ребёнка, законным представителем которого я являюсь, на обучение по программе «${g.name}» с ${formatDateRu(g.startDate)} с использованием сертификата дополнительного образования № ${d.certificate.number}.`,
    { size: 10, lineGap: 1.5, indent: 24 },
  );
  sheet.space(2);

  sheet.heading('1. Ребёнок и законный представитель');
  sheet.keyValue([
    [
      { label: 'Ф. И. О. ребёнка', value: d.child.fullName, valueFont: 'bold' },
      { label: 'Дата рождения', value: formatDateRu(d.child.birthDate) },
    ],
    [
      { label: 'Сертификат', value: `№ ${d.certificate.number}`, valueFont: 'bold' },
      { label: 'Вид сертификата', value: d.certificate.typeLabel },
    ],
    [
      { label: 'Представитель', value: r ? r.fullName : BLANK, valueFont: 'bold' },
      { label: 'Кем приходится', value: r ? r.relationLabel : BLANK },
    ],
    [
      { label: 'Телефон', value: orDash(r?.phone) },
      { label: 'Эл. почта', value: orDash(r?.email) },
    ],
    { label: 'Адрес', value: orDash(r?.address) },
  ], 0.17);

  sheet.heading('2. Программа, группа, сроки');
  sheet.keyValue([
    { label: 'Программа', value: g.name, valueFont: 'bold' },
    [
      { label: 'Модуль', value: `${g.moduleName} (${g.moduleHours} ч)` },
      { label: 'Группа', value: g.groupName },
    ],
    [
      { label: 'Срок обучения', value: `с ${formatDateRu(g.startDate)} по ${formatDateRu(g.endDate)}`, valueFont: 'bold' },
      { label: 'Расписание', value: timetableLine(g.timetable) },
    ],
    [
      { label: 'Адрес занятий', value: g.classAddress },
      { label: 'Педагог', value: orDash(g.teacher) },
    ],
  ], 0.17);

  paymentSection(sheet, d);

  sheet.heading('4. Сведения о заявке', 90);
  sheet.keyValue([
    [
      { label: 'Заявка (договор)', value: d.application.number, valueFont: 'bold' },
      { label: 'Дата подачи', value: formatDateRu(d.application.appliedOn) },
    ],
    { label: 'Способ подачи', value: d.application.confirmationMethod },
    { label: 'Состояние', value: `${d.application.statusLabel} (на дату печати)` },
  ], 0.17);

  const acknowledgement = 'С программой, расписанием, стоимостью обучения и порядком оплаты ознакомлен(а); сведения в заявлении подтверждаю.';
  const ackStyle = { size: 9.5, lineGap: 1.5, indent: 24, align: 'left' } as const;
  // The statement and the signatures under it stay on one page.
  sheet.ensure(sheet.heightOf(acknowledgement, sheet.width, ackStyle) + 8 + SIGNATURES_HEIGHT);
  sheet.paragraph(acknowledgement, ackStyle);
  sheet.space(8);
  sheet.signaturesWithVerification(
    [
      { role: 'Законный представитель', name: r ? initialsName(r.fullName) : null },
      { role: 'Заявление принял(а) представитель организации', name: null },
    ],
    d,
    { date: true },
  );
  scheduleAppendix(sheet, d);
}

/** «Заявление на зачисление» for one application (contract). */
export function renderApplicationForm(d: ApplicationFormData): Buffer {
  return renderSingle(d, `Заявление на зачисление, заявка ${d.application.number}`, drawApplication);
}
