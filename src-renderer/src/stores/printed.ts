import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { PrintedDocument } from '@shared/operations';
import type { Result } from '@shared/result';
import { isDesktop, pdfBlob } from '@/services/pdf';

export interface OpenedDocument {
  url: string;
  fileName: string;
  registrationNumber: string;
  size: number;
}

/**
 * The last printed document: its Blob URL stays alive until the next one replaces it (the new tab or the
 * preview still reads it). In the browser the PDF opens in a new tab; in the desktop window in a preview dialog.
 */
export const usePrintedStore = defineStore('printed', () => {
  const last = ref<OpenedDocument | null>(null);
  const previewOpen = ref(false);
  const popupBlocked = ref(false);

  function open(printed: PrintedDocument): OpenedDocument {
    const blob = pdfBlob(printed.pdfBase64);
    const previous = last.value;
    const doc: OpenedDocument = {
      url: URL.createObjectURL(blob),
      fileName: printed.fileName,
      registrationNumber: printed.document.registrationNumber,
      size: blob.size,
    };
    last.value = doc;
    // The old tab has long read its document; keep a grace period anyway.
    if (previous) setTimeout(() => URL.revokeObjectURL(previous.url), 60_000);
    if (isDesktop()) {
      previewOpen.value = true;
      popupBlocked.value = false;
    } else {
      const tab = window.open(doc.url, '_blank');
      popupBlocked.value = tab === null;
    }
    return doc;
  }

  /** Asks the core for a document and opens it; the core's refusal comes back as its message, null when it opened. */
  async function print(send: () => Promise<Result<PrintedDocument>>): Promise<string | null> {
    const r = await send();
    if (!r.ok) return r.error.message;
    open(r.value);
    return null;
  }

  function setPreviewOpen(value: boolean): void {
    previewOpen.value = value;
  }

  function clear(): void {
    if (last.value) URL.revokeObjectURL(last.value.url);
    last.value = null;
    previewOpen.value = false;
  }

  return {
    last: computed(() => last.value),
    previewOpen: computed(() => previewOpen.value),
    popupBlocked: computed(() => popupBlocked.value),
    open,
    print,
    setPreviewOpen,
    clear,
  };
});
