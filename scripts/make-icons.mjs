// Regenerates the application icons in resources/ from the one source drawing, resources/icon.svg:
//   resources/icons/<N>x<N>.png   Linux set (electron-builder's linux.icon points at the folder)
//   resources/icon.ico            Windows
//   resources/icon.icns           macOS
//   resources/icon.png            1024 px, for whatever wants one picture
// The outputs are committed; CI does not run this. Run it after editing the SVG: `npm run icons`.
//
// Every size is rendered from the SVG by rsvg-convert (librsvg: `apt-get install librsvg2-bin`,
// `brew install librsvg`), not downscaled from a big PNG, so the small sizes stay sharp.
// The .ico and .icns containers are written here: both are a directory of PNG images.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RESOURCES = 'resources';
const SOURCE = join(RESOURCES, 'icon.svg');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS types that hold PNG data, with the pixel size each one must have (Apple's iconutil uses the same).
const ICNS_TYPES = [
  ['ic11', 32], // 16 pt @2x
  ['ic12', 64], // 32 pt @2x
  ['ic07', 128],
  ['ic13', 256], // 128 pt @2x
  ['ic08', 256],
  ['ic14', 512], // 256 pt @2x
  ['ic09', 512],
  ['ic10', 1024], // 512 pt @2x
];
const BIG = 1024;

/** Renders the SVG at size × size and returns the PNG bytes. */
function render(size, workDir) {
  const out = join(workDir, `${size}.png`);
  try {
    execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size), '--output', out, SOURCE], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    if (error.code === 'ENOENT') {
      console.error('make-icons: rsvg-convert not found; install librsvg (apt-get install librsvg2-bin, brew install librsvg).');
      process.exit(1);
    }
    throw error;
  }
  return readFileSync(out);
}

/** ICO: a 6-byte header, one 16-byte entry per image, then the images (PNG entries: Windows Vista and later). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width, 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** ICNS: 'icns' and the file length (big-endian), then per image its type, its length with the 8-byte head, the PNG. */
function icns(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

const workDir = mkdtempSync(join(tmpdir(), 'certdesk-icons-'));
try {
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size), BIG])];
  const png = new Map(sizes.map((size) => [size, render(size, workDir)]));

  mkdirSync(join(RESOURCES, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(join(RESOURCES, 'icons', `${size}x${size}.png`), png.get(size));
  writeFileSync(join(RESOURCES, 'icon.png'), png.get(BIG));
  writeFileSync(join(RESOURCES, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  writeFileSync(join(RESOURCES, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
  console.log(`make-icons: ${LINUX_SIZES.length} PNGs, icon.png, icon.ico, icon.icns written to ${RESOURCES}/ from ${SOURCE}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
