/// <reference types="pdfkit" />
/**
 * The small layout engine of the printed documents: an A4 sheet with the office header, centred titles,
 * thin-ruled tables, signature lines, the verification block (QR code and number) and the page footer.
 * Everything is drawn synchronously with pdfkit; `finishDocument` collects the bytes without waiting.
 */
import { formatDateRu } from '../../shared/rules';
import { fontKey, loadFonts, registerFonts, forgetGlyphsWithoutCodePoints, type FontName } from './fonts';
import { drawQr } from './qr';
import { localRequire } from '../common/module-url';

/** A4 in points; margins in points (20 mm left, 15 mm right, 14 mm top, 19 mm bottom with the footer). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: { top: 40, bottom: 54, left: 57, right: 42 },
} as const;

export const INK = { text: '#000000', muted: '#4a4a4a', rule: '#000000', fill: '#efefef' } as const;
const RULE = 0.5;

/** What every document carries: its number, the QR payload, when and by whom it was issued. */
export interface DocumentFrame {
  registrationNumber: string;
  qrPayload: string;
  /** ISO timestamp (UTC) of issue. */
  issuedAt: string;
  office: { name: string; address?: string | null };
  operator: { fullName: string };
  /** The office's IANA time zone for the printed date; Europe/Moscow when not given. */
  timeZone?: string;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  issuedAt: string;
}

type DocumentConstructor = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;
interface CollectedPdf extends PDFKit.PDFDocument {
  collected: Uint8Array[] | undefined;
  complete: boolean | undefined;
}

/**
 * A PDFDocument that keeps its output in an array instead of streaming it. pdfkit writes every byte through
 * Readable#push, synchronously; a plain Readable would also schedule a nextTick per document (emitReadable,
 * endReadable) that keeps the whole finished document alive until the event loop turns, which matters when
 * many documents are made in one synchronous run. Nobody reads this document as a stream.
 *
 * pdfkit is loaded on the first document, not when the desk starts: importing it costs more than half a
 * second, and most starts print nothing for a while.
 */
let collectedDocument: DocumentConstructor | null = null;
function CollectedDocumentClass(): DocumentConstructor {
  if (collectedDocument) return collectedDocument;
  const PDFDocument = localRequire()('pdfkit') as DocumentConstructor;
  class CollectedDocument extends PDFDocument {
    // `declare`: no field initialiser, which would run after pdfkit's constructor has already pushed the header.
    declare collected: Uint8Array[] | undefined;
    declare complete: boolean | undefined;

    override push(chunk: unknown): boolean {
      if (chunk === null) {
        this.complete = true;
      } else if (chunk instanceof Uint8Array) {
        (this.collected ??= []).push(chunk);
      } else {
        throw new TypeError('Неожиданный фрагмент PDF.');
      }
      return true;
    }
  }
  collectedDocument = CollectedDocument;
  return CollectedDocument;
}

/** A new A4 document with the shared fonts registered and no page yet. */
export function createDocument(info: DocumentInfo): PDFKit.PDFDocument {
  const fonts = loadFonts();
  const issued = new Date(info.issuedAt);
  const doc = new (CollectedDocumentClass())({
    size: 'A4',
    margins: { ...PAGE.margins },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'ru-RU',
    displayTitle: true,
    // The default font is ours (an already-parsed fontkit font), so pdfkit never opens Helvetica.
    font: fonts.regular as unknown as PDFKit.PDFDocumentOptions['font'],
    info: {
      Title: info.title,
      Subject: info.subject,
      Author: 'АРМ Сертификат',
      Creator: 'АРМ Сертификат (certdesk)',
      Producer: 'certdesk / PDFKit',
      CreationDate: Number.isNaN(issued.getTime()) ? new Date() : issued,
    },
  });
  registerFonts(doc);
  return doc;
}

/**
 * Ends the document and returns its bytes. pdfkit writes everything synchronously (deflateSync, fontkit's
 * synchronous subset encoder), so after `end()` the whole file has been collected.
 */
export function finishDocument(pdf: PDFKit.PDFDocument): Buffer {
  if (!(pdf instanceof CollectedDocumentClass())) throw new TypeError('Документ создан не через createDocument.');
  const doc = pdf as CollectedPdf;
  try {
    doc.end();
  } finally {
    forgetGlyphsWithoutCodePoints();
  }
  if (!doc.complete || !doc.collected) throw new Error('PDF не сформирован полностью.');
  const bytes = Buffer.concat(doc.collected);
  doc.collected = [];
  return bytes;
}

// Building an Intl.DateTimeFormat costs about a millisecond: one per time zone, kept (as src-main/clock.ts
// formats it: en-CA gives YYYY-MM-DD).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

let lastIssue = { key: '', text: '' };

/** The printed date of issue, DD.MM.YYYY, in the office's time zone. */
export function issueDate(frame: DocumentFrame): string {
  const key = `${frame.issuedAt}|${frame.timeZone ?? ''}`;
  if (lastIssue.key === key) return lastIssue.text;
  const text = formatIssueDate(frame);
  lastIssue = { key, text };
  return text;
}

function formatIssueDate(frame: DocumentFrame): string {
  const at = new Date(frame.issuedAt);
  if (Number.isNaN(at.getTime())) return formatDateRu(frame.issuedAt);
  const zone = frame.timeZone ?? 'Europe/Moscow';
  let format = dayFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return formatDateRu(format.format(at));
}

/** «Петрова Анна Сергеевна» → «А. С. Петрова», as a signature is decoded under it. */
export function initialsName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 2) return fullName.trim();
  const [last, ...rest] = parts;
  return `${rest.map((p) => `${p.charAt(0)}.`).join(' ')} ${last}`;
}

export const VERIFY_CAPTION = 'Проверка подлинности: отсканируйте код или введите номер документа в АРМ (раздел «Проверка документа»).';

export const BLANK = '______________________________';

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineGap?: number;
  indent?: number;
  characterSpacing?: number;
}

export interface KeyValueRow {
  label: string;
  value: string;
  valueFont?: FontName;
  valueSize?: number;
  /** One cell across both columns (e.g. the municipal limit message instead of the amounts). */
  span?: boolean;
}

export interface GridColumn {
  title: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

/** A cursor over the document's pages with the drawing primitives the documents use. */
export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number = PAGE.margins.left;
  readonly right: number = PAGE.width - PAGE.margins.right;
  readonly width: number = PAGE.width - PAGE.margins.left - PAGE.margins.right;
  readonly bottom: number = PAGE.height - PAGE.margins.bottom;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** Index (0-based, in the whole file) of the page being drawn. */
  pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  style(s: TextStyle = {}): this {
    this.doc.font(fontKey(s.font ?? 'regular')).fontSize(s.size ?? 10).fillColor(s.color ?? INK.text);
    return this;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  space(points: number): void {
    this.doc.y += points;
  }

  /** The largest size from `size` down to `min` (in half points) at which `text` fits on one line of `width`. */
  fittingSize(text: string, width: number, size: number, min: number, font: FontName = 'regular'): number {
    let fitting = size;
    while (fitting > min) {
      this.style({ font, size: fitting });
      if (this.doc.widthOfString(text) <= width) break;
      fitting -= 0.5;
    }
    return fitting;
  }

  heightOf(text: string, width: number, s: TextStyle = {}): number {
    this.style(s);
    return this.doc.heightOfString(text, { width, lineGap: s.lineGap ?? 1, characterSpacing: s.characterSpacing ?? 0 });
  }

  /** A paragraph across the content width (or from `x` with `width`); long paragraphs flow onto new pages. */
  paragraph(text: string, s: TextStyle = {}, x = this.left, width = this.right - x): void {
    this.style(s);
    this.ensure(this.doc.currentLineHeight(true) * 2);
    this.doc.text(text, x, this.doc.y, {
      width,
      align: s.align ?? 'justify',
      lineGap: s.lineGap ?? 1,
      indent: s.indent ?? 0,
      characterSpacing: s.characterSpacing ?? 0,
    });
    this.doc.x = this.left;
    this.doc.y += 1.5;
  }

  /** A numbered item with a hanging indent: «1.» in the gutter, the text aligned after it. */
  item(marker: string, text: string, s: TextStyle = {}, indent = 0): void {
    const gutter = 16;
    const x = this.left + indent;
    const height = this.heightOf(text, this.right - x - gutter, s);
    this.ensure(Math.min(height, 40));
    const y = this.doc.y;
    this.style(s);
    this.doc.text(marker, x, y, { width: gutter, lineBreak: false });
    this.doc.text(text, x + gutter, y, { width: this.right - x - gutter, align: s.align ?? 'justify', lineGap: s.lineGap ?? 1 });
    this.doc.x = this.left;
  }

  /** Section heading: bold, with room kept for at least a few lines after it. */
  heading(text: string, keepWith = 60): void {
    this.ensure(keepWith);
    this.space(3);
    this.style({ font: 'bold', size: 10.5 });
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'left' });
    this.space(2);
  }

  hline(y: number, width = RULE, x1 = this.left, x2 = this.right): void {
    this.doc.save().lineWidth(width).strokeColor(INK.rule).moveTo(x1, y).lineTo(x2, y).stroke().restore();
  }

  /** The office block on the first page of a document: registry name, office, address, double rule. */
  officeHeader(frame: DocumentFrame): void {
    const d = this.doc;
    this.style({ size: 7.5, color: INK.muted });
    d.text('РЕЕСТР СЕРТИФИКАТОВ ДОПОЛНИТЕЛЬНОГО ОБРАЗОВАНИЯ ДЕТЕЙ', this.left, d.y, { width: this.width, align: 'center', characterSpacing: 0.6 });
    this.space(2);
    this.style({ font: 'bold', size: 11.5 });
    d.text(frame.office.name, this.left, d.y, { width: this.width, align: 'center' });
    if (frame.office.address) {
      this.style({ size: 8.5, color: INK.muted });
      d.text(frame.office.address, this.left, d.y + 1, { width: this.width, align: 'center' });
    }
    this.space(4);
    this.hline(d.y, 1.2);
    this.hline(d.y + 2.2, 0.4);
    this.space(8);
    const y = d.y;
    this.style({ size: 9 });
    d.text(`Рег. № ${frame.registrationNumber}`, this.left, y, { width: this.width / 2, align: 'left', lineBreak: false });
    d.text(`Дата выдачи: ${issueDate(frame)}`, this.left + this.width / 2, y, { width: this.width / 2, align: 'right', lineBreak: false });
    d.x = this.left;
    d.y = y + d.currentLineHeight(true) + 10;
  }

  /** The document's name, centred: the main line in capitals, the explanation under it. */
  title(main: string, sub?: string, note?: string): void {
    this.style({ font: 'bold', size: 14 });
    this.doc.text(main, this.left, this.doc.y, { width: this.width, align: 'center', characterSpacing: 1.5 });
    if (sub) {
      this.space(1);
      this.style({ font: 'bold', size: 11 });
      this.doc.text(sub, this.left, this.doc.y, { width: this.width, align: 'center' });
    }
    if (note) {
      this.style({ font: 'italic', size: 9.5 });
      this.doc.text(note, this.left, this.doc.y + 1, { width: this.width, align: 'center' });
    }
    this.space(8);
  }

  /**
   * Label/value table with thin rules, labels on a light fill. A row is one pair across the width, or two
   * pairs side by side (`[a, b]`): then each pair takes half the width and the label `labelShare` of it.
   */
  keyValue(rows: Array<KeyValueRow | [KeyValueRow, KeyValueRow]>, labelShare = 0.4): void {
    const padX = 5;
    const padY = 3.2;
    const label: TextStyle = { size: 8.5, color: INK.muted, align: 'left' };
    const valueStyle = (row: KeyValueRow): TextStyle => ({ font: row.valueFont ?? 'regular', size: row.valueSize ?? 9.5, align: 'left' });
    for (const row of rows) {
      const pairs = Array.isArray(row) ? row : [row];
      const pairW = this.width / pairs.length;
      const labelW = pairs.length === 2 ? pairW * labelShare * 2 : this.width * labelShare;
      const cells: Array<{ x: number; w: number; text: string; style: TextStyle; fill: boolean }> = [];
      pairs.forEach((pair, i) => {
        const x = this.left + i * pairW;
        if (pair.span) {
          cells.push({ x, w: pairW, text: pair.value, style: valueStyle(pair), fill: false });
        } else {
          cells.push({ x, w: labelW, text: pair.label, style: label, fill: true });
          cells.push({ x: x + labelW, w: pairW - labelW, text: pair.value, style: valueStyle(pair), fill: false });
        }
      });
      const h = Math.max(...cells.map((c) => this.heightOf(c.text, c.w - 2 * padX, c.style))) + 2 * padY;
      this.ensure(h);
      const y = this.doc.y;
      const d = this.doc;
      d.save().lineWidth(RULE).strokeColor(INK.rule);
      for (const c of cells) {
        if (c.fill) d.rect(c.x, y, c.w, h).fillAndStroke(INK.fill, INK.rule);
        else d.rect(c.x, y, c.w, h).stroke();
      }
      d.restore();
      for (const c of cells) {
        this.style(c.style);
        d.text(c.text, c.x + padX, y + padY, { width: c.w - 2 * padX, lineGap: 1 });
      }
      d.x = this.left;
      d.y = y + h;
    }
    this.space(6);
  }

  /** A ruled table with a filled header row, repeated at the top of every continuation page. */
  grid(columns: GridColumn[], rows: string[][]): void {
    const padX = 4;
    const padY = 3.5;
    const widths = columns.map((c) => c.share * this.width);
    const drawRow = (cells: string[], header: boolean): void => {
      const s: TextStyle = header ? { font: 'bold', size: 8.5 } : { size: 9 };
      const h = Math.max(...cells.map((cell, i) => this.heightOf(cell, widths[i]! - 2 * padX, s))) + 2 * padY;
      if (this.doc.y + h > this.bottom) {
        this.newPage();
        if (!header) drawRow(columns.map((c) => c.title), true);
      }
      const y = this.doc.y;
      let x = this.left;
      const d = this.doc;
      d.save().lineWidth(RULE).strokeColor(INK.rule);
      for (const w of widths) {
        if (header) d.rect(x, y, w, h).fillAndStroke(INK.fill, INK.rule);
        else d.rect(x, y, w, h).stroke();
        x += w;
      }
      d.restore();
      x = this.left;
      cells.forEach((cell, i) => {
        this.style(s);
        const align = header ? 'center' : (columns[i]!.align ?? 'left');
        d.text(cell, x + padX, y + padY, { width: widths[i]! - 2 * padX, align, lineGap: 1 });
        x += widths[i]!;
      });
      d.x = this.left;
      d.y = y + h;
    };
    drawRow(columns.map((c) => c.title), true);
    for (const row of rows) drawRow(row, false);
    this.space(8);
  }

  /**
   * «Оператор реестра ____________ / И. О. Фамилия /» with «(подпись)» under the blank; `stamp` adds «М.П.».
   * `date` adds ««___» __________ 20___ г.» for a form to be dated by hand.
   */
  signature(role: string, name: string | null, opts: { stamp?: boolean; date?: boolean } = {}): void {
    const h = opts.date ? 46 : 34;
    this.ensure(h + (opts.stamp ? 10 : 0));
    const d = this.doc;
    const y = d.y;
    const roleW = this.width * 0.36;
    const lineX1 = this.left + roleW + 6;
    const lineX2 = lineX1 + this.width * 0.24;
    const nameX = lineX2 + 8;
    this.style({ size: 9.5 });
    d.text(role, this.left, y + 10, { width: roleW, align: 'left', lineGap: 0 });
    this.hline(y + 21, 0.5, lineX1, lineX2);
    this.style({ size: 9.5 });
    d.text(name ? `/ ${name} /` : '/ ______________________ /', nameX, y + 10, { width: this.right - nameX, align: 'left', lineBreak: false });
    this.style({ size: 6.5, color: INK.muted });
    d.text('(подпись)', lineX1, y + 23, { width: lineX2 - lineX1, align: 'center', lineBreak: false });
    d.text('(расшифровка подписи)', nameX, y + 23, { width: this.right - nameX, align: 'left', lineBreak: false });
    if (opts.date) {
      this.style({ size: 9.5 });
      d.text('«____» ________________ 20____ г.', lineX1, y + 34, { width: this.right - lineX1, align: 'left', lineBreak: false });
    }
    if (opts.stamp) {
      this.style({ size: 9.5 });
      d.text('М.П.', this.left, y + h - 4, { width: roleW, align: 'left', lineBreak: false });
    }
    d.x = this.left;
    d.y = y + h + (opts.stamp ? 12 : 0);
  }

  /**
   * Signatures stacked at the left half and the verification box (QR code, number, date, how to check) at
   * the right, side by side: the compact ending of a one-page document. `date` adds ««___» ______ 20___ г.»
   * under each signature for a form dated by hand.
   */
  signaturesWithVerification(signatures: Array<{ role: string; name: string | null }>, frame: DocumentFrame, opts: { date?: boolean } = {}): void {
    const d = this.doc;
    const side = 76;
    const each = opts.date ? 48 : 42;
    const h = Math.max(side + 8, signatures.length * each);
    this.ensure(h + 6);
    const y = d.y;
    const areaW = this.width * 0.5;
    signatures.forEach((s, i) => {
      const sy = y + i * each;
      this.style({ size: 9 });
      d.text(s.role, this.left, sy, { width: areaW, align: 'left', lineBreak: false });
      const lineX2 = this.left + 110;
      this.hline(sy + 25, 0.5, this.left, lineX2);
      const name = s.name ? `/ ${s.name} /` : '/ ______________________ /';
      this.style({ size: this.fittingSize(name, areaW - 116, 9.5, 6.5) });
      d.text(name, lineX2 + 6, sy + 15, { width: areaW - 116, align: 'left', lineBreak: false });
      this.style({ size: 6.5, color: INK.muted });
      d.text('(подпись)', this.left, sy + 27, { width: 110, align: 'center', lineBreak: false });
      d.text('(расшифровка подписи)', lineX2 + 6, sy + 27, { width: areaW - 116, align: 'left', lineBreak: false });
      if (opts.date) {
        this.style({ size: 9 });
        d.text('«____» ______________ 20____ г.', this.left, sy + 35, { width: areaW, align: 'left', lineBreak: false });
      }
    });
    const bx = this.left + areaW + 6;
    const bw = this.right - bx;
    const bh = side + 8;
    d.save().lineWidth(RULE).strokeColor(INK.rule).rect(bx, y, bw, bh).stroke().restore();
    drawQr(d, frame.qrPayload, bx + 4, y + 4, side);
    const tx = bx + side + 10;
    const tw = this.right - tx - 5;
    this.style({ font: 'bold', size: 8.5 });
    d.text(`Рег. № ${frame.registrationNumber}`, tx, y + 7, { width: tw, lineGap: 0.5 });
    this.style({ size: 8 });
    d.text(`Дата выдачи: ${issueDate(frame)}`, tx, d.y + 1, { width: tw });
    this.style({ size: 6.8, color: INK.muted });
    d.text(VERIFY_CAPTION, tx, d.y + 3, { width: tw, align: 'left', lineGap: 0.3 });
    d.x = this.left;
    d.y = y + h + 6;
  }

  /** The verification block: QR code and, beside it, the number, the date and how to check. */
  verification(frame: DocumentFrame): void {
    const side = 76;
    const h = side + 8;
    this.ensure(h + 6);
    this.space(4);
    const d = this.doc;
    const y = d.y;
    d.save().lineWidth(RULE).strokeColor(INK.rule).rect(this.left, y, this.width, h).stroke().restore();
    drawQr(d, frame.qrPayload, this.left + 4, y + 4, side);
    const tx = this.left + side + 16;
    const tw = this.right - tx - 8;
    this.style({ font: 'bold', size: 10 });
    d.text(`Регистрационный номер документа: ${frame.registrationNumber}`, tx, y + 10, { width: tw, lineGap: 1 });
    this.style({ size: 9.5 });
    d.text(`Дата выдачи: ${issueDate(frame)}`, tx, d.y + 2, { width: tw });
    this.style({ size: 8.5, color: INK.muted });
    d.text(`${VERIFY_CAPTION} Код не содержит персональных данных.`, tx, d.y + 5, {
      width: tw,
      align: 'left',
      lineGap: 1,
    });
    d.x = this.left;
    d.y = y + h + 6;
  }

  /**
   * Footers on pages [first, first + count): «Рег. № …» in the centre, «стр. N из M» at the right and an
   * optional note (the consent form's version) at the left. Drawn inside the bottom margin.
   */
  footers(first: number, count: number, registrationNumber: string, note: string | null): void {
    const d = this.doc;
    for (let i = 0; i < count; i += 1) {
      d.switchToPage(first + i);
      const margins = d.page.margins;
      const saved = margins.bottom;
      margins.bottom = 0;
      const y = PAGE.height - 36;
      this.hline(y, 0.4);
      this.style({ size: 7.5, color: INK.muted });
      const third = this.width / 3;
      if (note) d.text(note, this.left, y + 5, { width: third + 20, align: 'left', lineBreak: false });
      d.text(`Рег. № ${registrationNumber}`, this.left + third, y + 5, { width: third, align: 'center', lineBreak: false });
      d.text(`стр. ${i + 1} из ${count}`, this.left + 2 * third, y + 5, { width: third, align: 'right', lineBreak: false });
      margins.bottom = saved;
    }
    d.x = this.left;
  }
}
