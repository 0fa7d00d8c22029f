/**
 * The DejaVu fonts of every printed document: read from node_modules and parsed by fontkit ONCE per process
 * (per worker thread: a worker has its own module state), then handed to each new PDFDocument as the
 * already-parsed font objects (pdfkit ≥ 0.20 accepts fontkit `Font` instances in `registerFont`).
 *
 * What is shared between documents: the file bytes and the parsed fontkit fonts (tables, glyph cache).
 * What each document still builds for itself: pdfkit's EmbeddedFont wrapper, its text-layout cache and the
 * font subset (only the glyphs the document uses are embedded, so files stay small).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { localRequire } from '../common/module-url';

/** Logical font names used by the documents → DejaVu files. */
export const FONT_FILES = {
  regular: 'DejaVuSerifCondensed.ttf',
  bold: 'DejaVuSerifCondensed-Bold.ttf',
  italic: 'DejaVuSerifCondensed-Italic.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

/** The part of a fontkit font pdfkit relies on (it recognises a parsed font by its `layout` method). */
interface FontkitFont {
  layout(text: string, ...options: unknown[]): GlyphRun;
  readonly postscriptName: string;
}

/** fontkit's GlyphRun, as far as the shaping cache needs to know it. */
interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

/** Counters for tests and the benchmark: how often files were read and fonts parsed in this process. */
export const fontLoadStats = { filesRead: 0, fontsParsed: 0 };

let fontDirectory: string | null = null;
let loaded: Record<FontName, FontkitFont> | null = null;

/** Where the TTF files are: dejavu-fonts-ttf/ttf, found from node_modules next to the running code. */
export function fontDir(): string {
  if (fontDirectory === null) {
    fontDirectory = join(dirname(localRequire().resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return fontDirectory;
}

/** For a packaged app that keeps the fonts elsewhere: set before the first document is rendered. */
export function setFontDirectory(dir: string): void {
  if (loaded !== null) throw new Error('Шрифты уже загружены: каталог шрифтов задают до первого документа.');
  fontDirectory = dir;
}

/** fontkit exactly as pdfkit itself resolves it (it is pdfkit's dependency, not ours). */
function fontkit(): Fontkit {
  const pdfkitEntry = localRequire().resolve('pdfkit');
  return createRequire(pdfkitEntry)('fontkit') as Fontkit;
}

/** The parsed fonts, loaded on first use and kept for the life of the process (or worker thread). */
export function loadFonts(): Record<FontName, FontkitFont> {
  if (loaded !== null) return loaded;
  const fk = fontkit();
  const dir = fontDir();
  const fonts = {} as Record<FontName, FontkitFont>;
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    const bytes = readFileSync(join(dir, FONT_FILES[name]));
    fontLoadStats.filesRead += 1;
    fonts[name] = withShapingCache(fk.create(bytes));
    fontLoadStats.fontsParsed += 1;
  }
  loaded = fonts;
  return fonts;
}

/**
 * The name a document knows a font by: its PostScript name. Registering under that name (rather than
 * «regular», «bold») lets pdfkit find the default font it already opened without re-checking it against
 * the others (pdfkit compares same-named fonts by serialising their name tables, ~1.5 ms a document).
 */
export function fontKey(name: FontName): string {
  return loadFonts()[name].postscriptName;
}

/** Registers the shared fonts on a document (the regular one is its default, given at construction). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const fonts = loadFonts();
  for (const name of Object.keys(fonts) as FontName[]) {
    // @types/pdfkit predates font objects in registerFont; pdfkit 0.20 accepts them (see its changelog).
    doc.registerFont(fonts[name].postscriptName, fonts[name] as unknown as PDFKit.Mixins.PDFFontSource);
  }
  doc.font(fonts.regular.postscriptName);
}

/**
 * fontkit keeps one Glyph object per glyph id and fixes its code points (used by pdfkit for the ToUnicode map,
 * i.e. for copying and searching text) when the object is first made. Encoding a subset at the end of a
 * document makes Glyph objects WITHOUT code points (for the components of composite glyphs: Ё is Е plus a
 * diaeresis), and with a font shared between documents a later document would then get such an object for
 * a plain letter: «СОГЛАСИЕ» would read back as «СОГЛАСИ». So after every document the glyph objects that
 * have no code points are dropped (they are made again on demand); the others keep their decoded outlines.
 */
export function forgetGlyphsWithoutCodePoints(): void {
  if (loaded === null) return;
  for (const font of Object.values(loaded) as Array<FontkitFont & { _glyphs?: Record<string, { codePoints?: unknown[] } | undefined> }>) {
    const glyphs = font._glyphs;
    if (typeof glyphs !== 'object' || glyphs === null) continue;
    for (const id of Object.keys(glyphs)) {
      const glyph = glyphs[id];
      if (glyph && (!Array.isArray(glyph.codePoints) || glyph.codePoints.length === 0)) delete glyphs[id];
    }
  }
}

/** Distinct strings kept per font before the shaping cache starts afresh (a batch repeats most of them). */
const SHAPING_CACHE_LIMIT = 20_000;

/**
 * OpenType shaping (GSUB/GPOS) is most of the cost of a page, and pdfkit's own layout cache lives and dies
 * with each document. This keeps the shaped runs of the shared font for the whole process. pdfkit scales the
 * positions of the run it gets in place, so every caller receives its own copy of the positions.
 */
function withShapingCache(font: FontkitFont): FontkitFont {
  const shape = font.layout.bind(font);
  const cache = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]): GlyphRun => {
    if (options.some((o) => o !== undefined)) return shape(text, ...options);
    let run = cache.get(text);
    if (run === undefined) {
      run = shape(text);
      if (cache.size >= SHAPING_CACHE_LIMIT) cache.clear();
      cache.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.glyphs = run.glyphs.slice();
    copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
    return copy;
  };
  return font;
}
