export type FieldFeedback = { validationStatus?: 'error'; feedback?: string };

/** An NFormItem's mark and message from a form's per-field messages: the first of the paths that has one. */
export function fieldFeedback(fields: Record<string, string>, ...paths: string[]): FieldFeedback {
  for (const p of paths) {
    const text = fields[p];
    if (text) return { validationStatus: 'error', feedback: text };
  }
  return {};
}
