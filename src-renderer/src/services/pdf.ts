/**
 * Printed documents arrive as base64 PDF (PrintedDocument). The browser opens them in a new tab and offers a
 * download; the desktop window (window.certdesk exists, new windows are denied) previews them in the app.
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function pdfBlob(base64: string): Blob {
  return new Blob([base64ToBytes(base64)], { type: 'application/pdf' });
}

/** True in the Electron window (the preload exposes window.certdesk). */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.certdesk !== undefined;
}

/** Reads a file as base64 without the «data:…;base64,» prefix. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** «1,2 МБ», «35 КБ», «900 Б». */
export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
  if (size >= 1024) return `${Math.round(size / 1024)} КБ`;
  return `${size} Б`;
}
