import type { HTMLAttributes, InputHTMLAttributes } from 'vue';

/** Native input attributes plus a test id (Vue's attribute types do not list data-*). */
export function inputAttrs(testId: string, attrs: InputHTMLAttributes = {}): InputHTMLAttributes {
  return { ...attrs, 'data-testid': testId } as InputHTMLAttributes;
}

/** Row attributes for NDataTable's row-props, with data-* allowed. */
export function rowAttrs(attrs: Record<string, unknown>): HTMLAttributes {
  return attrs as HTMLAttributes;
}
