/**
 * The printed documents of the registry desk: plain data in, PDF bytes out (A4, Russian, embedded DejaVu).
 * No database access here: the core gathers the data, generates the registration number, the QR payload and
 * the one-time password, and calls these functions. Every function is synchronous.
 */
import { formatDateRu, formatRubles } from '../../shared/rules';
import { BLANK, createDocument, finishDocument, initialsName, issueDate, Sheet, type DocumentFrame, type KeyValueRow } from './layout';

export type { DocumentFrame } from './layout';

export interface ExtractData extends DocumentFrame {
  certificate: {
    number: string;
    typeLabel: string;
    statusLabel: string;
    categoryName: string;
    municipalityName: string;
    year: number;
    nominalKopecks: number | null;
    balanceKopecks: number | null;
    budgetCounts: { significant: number; general: number; preprofessional: number };
    /** When the municipal limit is reached: shown instead of the nominal and the balance. */
    limitMessage: string | null;
  };
  child: { fullName: string; birthDate: string };
  representative: { fullName: string } | null;
  /** The cabinet's login (the certificate number) and the freshly generated password, printed once. */
  cabinet: { login: string; password: string };
}

export interface AttendanceEnrollment {
  organization: string;
  program: string;
  group: string;
  /** 'YYYY-MM-DD' */
  startDate: string;
  hoursPerWeek: number;
}

export interface AttendanceReferenceData extends DocumentFrame {
  child: { fullName: string; birthDate: string };
  certificate: { number: string; municipalityName: string };
  enrollments: AttendanceEnrollment[];
}

export interface ConsentFormData extends DocumentFrame {
  /** Printed in the footer of every page: «Форма согласия, версия 2026-1». */
  formVersion: string;
  /** The operator of personal data that receives the consent. */
  operatorOfData: { name: string; address: string };
  subject: { fullName: string; birthDate: string; address: string | null; identityDocument: string };
  representative: { fullName: string; identityDocument: string; address: string | null; relationLabel: string; authorityDocument: string | null };
}

export type BatchKind = 'extract';

export const EMPTY_ENROLLMENTS_LINE = 'Действующих зачислений по сертификату на дату выдачи справки нет.';

export const CONFIRMATION_TYPES = [
  {
    label: 'Запись запрещена',
    text: 'организации заявку не подают; записать ребёнка можно только лично, предъявив логин и пароль.',
  },
  {
    label: 'Подтверждение по ФИО',
    text: 'организации достаточно номера сертификата и Ф. И. О. ребёнка (наименее надёжный способ).',
  },
  {
    label: 'Подтверждение по кодовой фразе (рекомендуется)',
    text: 'заявка подаётся, только если вы сами назовёте организации кодовую фразу; время от времени меняйте её.',
  },
] as const;

const orBlank = (value: string | null | undefined): string => (value && value.trim().length > 0 ? value : BLANK);

function hours(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

function rubles(kopecks: number | null): string {
  return kopecks === null ? '—' : formatRubles(kopecks);
}

// ---------------------------------------------------------------------------------------------------------
// Выписка сертификата

function drawExtract(sheet: Sheet, d: ExtractData): void {
  const c = d.certificate;
  sheet.officeHeader(d);
  sheet.title('ВЫПИСКА', 'сертификата дополнительного образования');

  sheet.heading('1. Сведения о сертификате');
  const money: [KeyValueRow, KeyValueRow] | KeyValueRow = c.limitMessage
    ? { label: 'Средства сертификата', value: c.limitMessage }
    : [
        { label: `Номинал на ${c.year} год`, value: rubles(c.nominalKopecks), valueFont: 'bold' },
        { label: 'Остаток средств', value: rubles(c.balanceKopecks), valueFont: 'bold' },
      ];
  sheet.keyValue(
    [
      [
        { label: 'Номер сертификата', value: c.number, valueFont: 'bold', valueSize: 10.5 },
        { label: 'Год', value: String(c.year) },
      ],
      [
        { label: 'Вид сертификата', value: c.typeLabel },
        { label: 'Статус', value: c.statusLabel, valueFont: 'bold' },
      ],
      [
        { label: 'Категория', value: c.categoryName },
        { label: 'Муниципальное образование', value: c.municipalityName },
      ],
      money,
      {
        label: 'Бюджетные программы',
        value: `доступно зачислений: значимые — ${c.budgetCounts.significant}; общеразвивающие — ${c.budgetCounts.general}; предпрофессиональные — ${c.budgetCounts.preprofessional}`,
      },
    ],
    0.2,
  );

  sheet.heading('2. Сведения о ребёнке');
  sheet.keyValue(
    [
      { label: 'Ф. И. О.', value: d.child.fullName, valueFont: 'bold' },
      [
        { label: 'Дата рождения', value: formatDateRu(d.child.birthDate) },
        { label: 'Представитель', value: d.representative ? d.representative.fullName : 'не указан' },
      ],
    ],
    0.2,
  );

  sheet.heading('3. Доступ в личный кабинет', 120);
  drawCabinetBox(sheet, d);

  sheet.heading('4. Как пользоваться личным кабинетом', 90);
  const steps = [
    'Войдите в личный кабинет на портале персонифицированного финансирования дополнительного образования вашего региона: логин — номер сертификата, пароль — из раздела 3.',
    'Смените пароль при первом входе и не сообщайте его никому, в том числе сотрудникам организаций.',
    'Сертификат активирует оператор реестра после проверки документов и подписания согласия на обработку персональных данных; до активации заявку подать можно, но зачислить ребёнка нельзя.',
    'В разделе «Настройки пользователя» выберите, как организация может подать заявку на обучение ребёнка:',
  ];
  steps.forEach((text, i) => sheet.item(`${i + 1}.`, text, { size: 8.8 }));
  for (const t of CONFIRMATION_TYPES) sheet.item('•', `«${t.label}» — ${t.text}`, { size: 8.8 }, 16);
  sheet.item('5.', 'Если пароль забыт или выписка утеряна, обратитесь к оператору реестра: будет выдана новая выписка, а прежний пароль перестанет действовать.', { size: 8.8 });
  sheet.space(8);

  sheet.signaturesWithVerification(
    [
      { role: 'Выписку выдал оператор реестра', name: initialsName(d.operator.fullName) },
      { role: 'Выписку получил(а)', name: d.representative ? initialsName(d.representative.fullName) : null },
    ],
    d,
  );
}

function drawCabinetBox(sheet: Sheet, d: ExtractData): void {
  const doc = sheet.doc;
  const note =
    'Пароль показывается один раз — только в этой выписке: в реестре он не хранится в открытом виде, восстановить или распечатать его повторно нельзя. Смените пароль при первом входе в личный кабинет. Новая выписка делает этот пароль недействительным.';
  const pad = 8;
  const labelW = 150;
  const noteH = sheet.heightOf(note, sheet.width - 2 * pad, { font: 'italic', size: 8.5 });
  const h = pad + 20 + 24 + 4 + noteH + pad;
  sheet.ensure(h);
  const y = sheet.y;
  doc.save().lineWidth(1).strokeColor('#000000').rect(sheet.left, y, sheet.width, h).stroke().restore();
  sheet.style({ size: 9.5, color: '#4a4a4a' });
  doc.text('Логин (номер сертификата):', sheet.left + pad, y + pad + 3, { width: labelW, lineBreak: false });
  sheet.style({ font: 'monoBold', size: 13 });
  doc.text(d.cabinet.login, sheet.left + pad + labelW, y + pad, { width: sheet.width - labelW - 2 * pad, lineBreak: false, characterSpacing: 1 });
  sheet.style({ size: 9.5, color: '#4a4a4a' });
  doc.text('Пароль:', sheet.left + pad, y + pad + 20 + 5, { width: labelW, lineBreak: false });
  sheet.style({ font: 'monoBold', size: 16 });
  doc.text(d.cabinet.password, sheet.left + pad + labelW, y + pad + 20, { width: sheet.width - labelW - 2 * pad, lineBreak: false, characterSpacing: 2 });
  sheet.style({ font: 'italic', size: 8.5 });
  doc.text(note, sheet.left + pad, y + pad + 44 + 4, { width: sheet.width - 2 * pad, align: 'left', lineGap: 1 });
  doc.x = sheet.left;
  doc.y = y + h + 8;
}

// ---------------------------------------------------------------------------------------------------------
// Справка о посещении кружков

function drawAttendance(sheet: Sheet, d: AttendanceReferenceData): void {
  sheet.officeHeader(d);
  sheet.title('СПРАВКА', 'о посещении кружков (о наличии зачислений)');
  const date = issueDate(d);
  sheet.keyValue(
    [
      { label: 'Ф. И. О. ребёнка', value: d.child.fullName, valueFont: 'bold' },
      { label: 'Дата рождения', value: formatDateRu(d.child.birthDate) },
      { label: 'Сертификат дополнительного образования', value: `№ ${d.certificate.number}` },
      { label: 'Муниципальное образование', value: d.certificate.municipalityName },
    ],
    0.36,
  );
  sheet.space(4);
  if (d.enrollments.length === 0) {
    sheet.space(6);
    sheet.paragraph(EMPTY_ENROLLMENTS_LINE, { font: 'bold', size: 10.5, align: 'center' });
    sheet.space(10);
  } else {
    sheet.paragraph(`По данным реестра сертификатов на ${date} ребёнок зачислен на обучение по следующим дополнительным общеобразовательным программам:`, {
      size: 10,
      lineGap: 1.5,
      indent: 28,
    });
    sheet.space(6);
    sheet.grid(
      [
        { title: '№', share: 0.05, align: 'center' },
        { title: 'Организация', share: 0.24 },
        { title: 'Программа', share: 0.32 },
        { title: 'Группа', share: 0.14 },
        { title: 'Дата начала обучения', share: 0.13, align: 'center' },
        { title: 'Часов в неделю', share: 0.12, align: 'center' },
      ],
      d.enrollments.map((e, i) => [String(i + 1), e.organization, e.program, e.group, formatDateRu(e.startDate), hours(e.hoursPerWeek)]),
    );
    sheet.paragraph(`Всего действующих зачислений: ${d.enrollments.length}.`, { size: 10 });
    sheet.space(6);
  }
  sheet.paragraph('Справка выдана для предъявления по месту требования.', { size: 10 });
  sheet.space(22);
  sheet.signature('Оператор реестра сертификатов', initialsName(d.operator.fullName), { stamp: true });
  sheet.space(10);
  sheet.verification(d);
}

// ---------------------------------------------------------------------------------------------------------
// Согласие на обработку персональных данных (152-ФЗ, ст. 9, ч. 4)

function drawConsent(sheet: Sheet, d: ConsentFormData): void {
  const r = d.representative;
  const s = d.subject;
  sheet.officeHeader(d);
  sheet.title('СОГЛАСИЕ', 'на обработку персональных данных', '(несовершеннолетнего и его законного представителя)');

  sheet.heading('1. Субъект персональных данных (ребёнок)');
  sheet.keyValue([
    { label: 'Фамилия, имя, отчество', value: s.fullName, valueFont: 'bold' },
    { label: 'Дата рождения', value: formatDateRu(s.birthDate) },
    { label: 'Документ, удостоверяющий личность (вид, серия, номер, кем и когда выдан)', value: s.identityDocument },
    { label: 'Адрес', value: orBlank(s.address) },
  ]);
  sheet.heading('2. Законный представитель субъекта персональных данных');
  sheet.keyValue([
    { label: 'Фамилия, имя, отчество', value: r.fullName, valueFont: 'bold' },
    { label: 'Кем приходится ребёнку', value: r.relationLabel },
    { label: 'Документ, удостоверяющий личность (вид, серия, номер, кем и когда выдан)', value: r.identityDocument },
    { label: 'Адрес', value: orBlank(r.address) },
    { label: 'Документ, подтверждающий полномочия законного представителя', value: orBlank(r.authorityDocument) },
  ]);
  sheet.heading('3. Оператор, получающий согласие');
  sheet.keyValue([
    { label: 'Наименование', value: d.operatorOfData.name },
    { label: 'Адрес', value: d.operatorOfData.address },
  ]);

  const body = { size: 9.5, lineGap: 1.5, indent: 20 };
  sheet.paragraph(
    `Я, ${r.fullName}, являясь законным представителем несовершеннолетнего субъекта персональных данных, указанного в разделе 1 (основание — в разделе 2), действуя свободно, своей волей и в его интересах, в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю оператору, указанному в разделе 3 (далее — Оператор), согласие на обработку персональных данных ребёнка и моих персональных данных на следующих условиях.`,
    { ...body, indent: 24 },
  );
  sheet.space(4);

  sheet.heading('4. Цель обработки', 40);
  sheet.paragraph(
    'Учёт детей, использующих сертификат дополнительного образования; выдача, активация, приостановление, возобновление и аннулирование сертификата; ведение реестра сертификатов; подача заявок и зачисление ребёнка на обучение по дополнительным общеобразовательным программам в системе персонифицированного финансирования дополнительного образования детей; заключение и исполнение договоров об обучении и расчёты по ним за счёт средств сертификата; информирование законного представителя о сертификате, заявках и договорах.',
    body,
  );

  sheet.heading('5. Перечень персональных данных', 40);
  sheet.paragraph(
    'Ребёнка: фамилия, имя, отчество; дата рождения; сведения о документе, удостоверяющем личность; адрес; номер, вид, категория и статус сертификата; сведения о заявках, договорах, зачислениях на обучение и об использовании средств сертификата.',
    body,
  );
  sheet.paragraph(
    'Законного представителя: фамилия, имя, отчество; кем приходится ребёнку; сведения о документе, удостоверяющем личность, и о документе, подтверждающем полномочия; адрес и удобный адрес для посещения занятий; номер телефона; адрес электронной почты.',
    body,
  );

  sheet.heading('6. Действия с персональными данными и способы обработки', 40);
  sheet.paragraph(
    'Сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, передача (предоставление, доступ), обезличивание, блокирование, удаление, уничтожение. Передача допускается только организациям, реализующим программы, на которые подана заявка или с которыми заключён договор, и региональному оператору системы персонифицированного финансирования — в объёме, необходимом для указанной цели.',
    body,
  );
  sheet.paragraph(
    'Обработка смешанная: с использованием средств автоматизации (автоматизированное рабочее место «АРМ Сертификат», информационная система персонифицированного финансирования) и без их использования (на бумажных носителях), с передачей данных между подразделениями Оператора и региональным оператором в защищённом виде.',
    body,
  );

  sheet.heading('7. Срок действия согласия и порядок его отзыва', 40);
  sheet.paragraph(
    'Согласие действует со дня подписания до аннулирования сертификата дополнительного образования или до достижения ребёнком возраста 18 лет, если ранее оно не будет отозвано. По истечении срока действия согласия персональные данные хранятся в течение сроков, установленных законодательством Российской Федерации, после чего уничтожаются.',
    body,
  );
  sheet.paragraph(
    'Согласие может быть отозвано в любое время письменным заявлением, поданным Оператору лично или направленным по его адресу. Отзыв согласия приостанавливает действие сертификата. Оператор прекращает обработку и уничтожает персональные данные в срок, не превышающий 30 дней с даты поступления отзыва, кроме случаев, когда обработка может быть продолжена без согласия по основаниям, предусмотренным Федеральным законом № 152-ФЗ.',
    body,
  );
  sheet.space(4);
  sheet.paragraph(
    'Я подтверждаю, что ознакомлен(а) с правами субъекта персональных данных, предусмотренными главой 3 Федерального закона № 152-ФЗ, и что сведения, указанные в разделах 1 и 2, верны.',
    body,
  );
  sheet.space(18);
  sheet.signature('Законный представитель', initialsName(r.fullName), { date: true });
  sheet.space(6);
  sheet.signature('Согласие принял(а) оператор реестра', initialsName(d.operator.fullName), { date: true });
  sheet.space(6);
  sheet.verification(d);
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

/** Draws one document from a fresh page and puts the footers on its pages. */
function place<T extends DocumentFrame>(sheet: Sheet, data: T, draw: (sheet: Sheet, data: T) => void, note: string | null): void {
  sheet.newPage();
  const first = sheet.pageIndex();
  draw(sheet, data);
  const last = sheet.pageIndex();
  sheet.footers(first, last - first + 1, data.registrationNumber, note);
}

/** One document in its own PDF file. */
export function renderSingle<T extends DocumentFrame>(data: T, title: string, draw: (sheet: Sheet, data: T) => void, note: string | null = null): Buffer {
  const doc = createDocument({ title, subject: `Рег. № ${data.registrationNumber}`, issuedAt: data.issuedAt });
  place(new Sheet(doc), data, draw, note);
  return finishDocument(doc);
}

/** «Выписка сертификата дополнительного образования» with the cabinet login and one-time password. */
export function renderCertificateExtract(d: ExtractData): Buffer {
  return renderSingle(d, `Выписка сертификата дополнительного образования № ${d.certificate.number}`, drawExtract);
}

/** «Справка о посещении кружков (о наличии зачислений)». */
export function renderAttendanceReference(d: AttendanceReferenceData): Buffer {
  return renderSingle(d, `Справка о посещении кружков, сертификат № ${d.certificate.number}`, drawAttendance);
}

/** «Согласие на обработку персональных данных», pre-filled, with the form version in every footer. */
export function renderConsentForm(d: ConsentFormData): Buffer {
  return renderSingle(d, 'Согласие на обработку персональных данных', drawConsent, `Форма согласия, версия ${d.formVersion}`);
}

/**
 * Many documents of one kind in ONE PDF (e.g. all extracts issued today in a municipality). Each starts on
 * a new page and has its own footers (its registration number, «стр. N из M» counted within it). Finished
 * pages are flushed to the output as it goes, so memory stays flat. `onProgress(done, total)` after each.
 */
export function renderBatch(kind: BatchKind, items: ExtractData[], onProgress?: (done: number, total: number) => void): Buffer {
  if (kind !== 'extract') throw new Error(`Неизвестный вид пакета документов: ${String(kind)}`);
  const doc = createDocument({
    title: `Выписки сертификатов дополнительного образования (${items.length})`,
    subject: 'Пакет выписок',
    issuedAt: items[0]?.issuedAt ?? new Date().toISOString(),
  });
  const sheet = new Sheet(doc);
  items.forEach((item, i) => {
    place(sheet, item, drawExtract, null);
    doc.flushPages();
    onProgress?.(i + 1, items.length);
  });
  if (items.length === 0) {
    sheet.newPage();
    sheet.paragraph('Нет выписок для печати.', { size: 11, align: 'center' });
  }
  return finishDocument(doc);
}

/**
 * Renders one throw-away extract so that the first real document does not pay for the one-time work (font
 * tables parsed on first use, OpenType shaping set up, the JIT compiling the layout code: about a second on
 * these machines). Call it when the desk has started, off the critical path.
 */
export function warmUpDocuments(): void {
  renderCertificateExtract({
    registrationNumber: 'W-0000-000000',
    qrPayload: 'CERTDESK1:W-0000-000000:WARMUP',
    issuedAt: '2026-01-01T00:00:00Z',
    office: { name: 'Прогрев «АРМ Сертификат»', address: 'ул. Образцовая, д. 1' },
    operator: { fullName: 'Оператор Образцовый Прогревович' },
    certificate: {
      number: '0000000000',
      typeLabel: 'сертификат финансирования',
      statusLabel: 'не активирован',
      categoryName: 'город',
      municipalityName: 'Образцовый округ',
      year: 2026,
      nominalKopecks: 1,
      balanceKopecks: 1,
      budgetCounts: { significant: 0, general: 0, preprofessional: 0 },
      limitMessage: null,
    },
    child: { fullName: 'Ёжикова Щука Эльфовна', birthDate: '2015-01-01' },
    representative: { fullName: 'Ёжиков Юрий Фёдорович' },
    cabinet: { login: '0000000000', password: 'AbcXyz-0189' },
  });
}
