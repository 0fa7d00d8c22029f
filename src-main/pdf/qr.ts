/**
 * The verification QR code, drawn as vector squares (crisp at any zoom or printer resolution, no image,
 * no async). The payload is a short opaque string (e.g. `CERTDESK1:<regNumber>:<code>`), never personal data.
 */
import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  /** Row-major dark modules. */
  dark: (row: number, col: number) => boolean;
}

export function qrMatrix(payload: string): QrMatrix {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/**
 * Draws the code with its top-left corner at (x, y), `side` points wide including a quiet zone of
 * `quiet` modules on each side. Adjacent dark modules of a row are merged into one rectangle.
 */
export function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number, quiet = 2): void {
  const m = qrMatrix(payload);
  const cells = m.size + quiet * 2;
  const unit = side / cells;
  doc.save();
  doc.rect(x, y, side, side).fill('#ffffff');
  for (let row = 0; row < m.size; row += 1) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark(row, col)) col += 1;
      // A hair of overlap hides the anti-aliasing seams some viewers draw between adjacent squares.
      doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (col - start) * unit, unit + 0.05);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
