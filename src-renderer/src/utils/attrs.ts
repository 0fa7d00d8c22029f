import type { HTMLAttributes, InputHTMLAttributes } from 'vue';

/** Native input attributes plus a test id (Vue's attribute types do not list data-*). */
// Not `autofocus`: Naive's inputs set their own (false) over it; give the component its `autofocus` prop instead.
export function inputAttrs(testId: string, attrs: Omit<InputHTMLAttributes, 'autofocus'> = {}): InputHTMLAttributes {
  return { ...attrs, 'data-testid': testId } as InputHTMLAttributes;
}

/** Row attributes for NDataTable's row-props, with data-* allowed. */
export function rowAttrs(attrs: Record<string, unknown>): HTMLAttributes {
  return attrs as HTMLAttributes;
}
