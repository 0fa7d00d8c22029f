// The application icons in resources/ (generated from resources/icon.svg by `npm run icons`) are read back as
// the operating systems read them: the ICO and ICNS directories, and every image in them as a PNG.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', '..');
const resources = join(root, 'resources');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG that starts with one. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (png.readUInt32BE(8) !== 13 || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * A whole PNG decodes: its chunks run to IEND, each with a right CRC, and the IDAT stream inflates (zlib checks its Adler-32) to one
 * filter byte and width × 4 bytes per row, as an 8-bit RGBA image must.
 */
function isWholeRgbaPng(png: Buffer): boolean {
  const { width, height } = pngSize(png);
  if (png.readUInt8(24) !== 8 || png.readUInt8(25) !== 6) return false; // bit depth 8, colour type 6 = RGBA
  const idat: Buffer[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > png.length || crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) return false;
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
    if (type === 'IEND') return at === png.length && inflateSync(Buffer.concat(idat)).length === height * (1 + width * 4);
  }
  return false;
}

describe('resources/: the application icons', () => {
  it('has the source drawing and every generated file', () => {
    const files = ['icon.svg', 'icon.png', 'icon.ico', 'icon.icns', ...LINUX_SIZES.map((s) => `icons/${s}x${s}.png`)];
    expect(files.filter((file) => !existsSync(join(resources, file)))).toEqual([]);
    expect(readFileSync(join(resources, 'icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
  });

  it('has the Linux set: <N>x<N>.png is an N × N PNG', () => {
    for (const size of LINUX_SIZES) {
      const png = readFileSync(join(resources, 'icons', `${size}x${size}.png`));
      expect(pngSize(png), `${size}x${size}.png`).toEqual({ width: size, height: size });
      expect(isWholeRgbaPng(png)).toBe(true);
    }
    expect(pngSize(readFileSync(join(resources, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Windows icon whose directory lists each size with a whole PNG of that size', () => {
    const ico = readFileSync(join(resources, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    expect(count).toBe(ICO_SIZES.length);
    const sizes: number[] = [];
    let end = 6 + 16 * count;
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = ico.readUInt8(entry) || 256;
      const height = ico.readUInt8(entry + 1) || 256;
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt16LE(entry + 4), 'colour planes').toBe(1);
      expect(ico.readUInt16LE(entry + 6), 'bits per pixel').toBe(32);
      expect(offset, 'images follow one another after the directory').toBe(end);
      const png = ico.subarray(offset, offset + bytes);
      expect(pngSize(png)).toEqual({ width, height });
      expect(isWholeRgbaPng(png)).toBe(true);
      sizes.push(width);
      end = offset + bytes;
    }
    expect(end, 'the file ends with the last image').toBe(ico.length);
    expect(sizes).toEqual(ICO_SIZES);
  });

  it('has a macOS icon whose length adds up and whose entries are PNGs of their type’s size', () => {
    const icns = readFileSync(join(resources, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    let at = 8;
    while (at < icns.length) {
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length, type).toBeGreaterThan(8);
      expect(at + length, type).toBeLessThanOrEqual(icns.length);
      const png = icns.subarray(at + 8, at + length);
      const { width, height } = pngSize(png);
      expect(width, type).toBe(height);
      expect(isWholeRgbaPng(png), type).toBe(true);
      found[type] = width;
      at += length;
    }
    expect(at).toBe(icns.length);
    expect(found).toEqual(ICNS_SIZES);
  });

  it('is what electron-builder.yml packages', () => {
    const config = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    /** The indented lines under a top-level key. */
    const section = (name: string): string => {
      const lines = config.split('\n');
      const start = lines.indexOf(`${name}:`);
      if (start < 0) return '';
      const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
      return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
    };
    expect(section('directories')).toMatch(/^ {2}buildResources: resources$/m);
    expect(section('win')).toMatch(/^ {2}icon: resources\/icon\.ico$/m);
    expect(section('linux')).toMatch(/^ {2}icon: resources\/icons$/m);
    expect(section('mac')).toMatch(/^ {2}icon: resources\/icon\.icns$/m);
    // The Electron host sets this one as the window icon on Linux; buildResources is otherwise left out of the app.
    expect(section('files')).toMatch(/^ {2}- resources\/icons\/512x512\.png$/m);
  });
});
