import { ref } from 'vue';
import type { AppErrorBody } from '@shared/result';
import { fieldFeedback, type FieldFeedback } from '@/utils/field-feedback';

/**
 * A form's refusal as the core answers it: one message for the alert and a message per field path
 * (zod paths such as «ageMax» or «timetable.1.end»), shown under the field that caused it.
 */
export function useFormErrors() {
  const message = ref<string | null>(null);
  const fields = ref<Record<string, string>>({});

  function show(error: Pick<AppErrorBody, 'message' | 'fields'>): void {
    message.value = error.message;
    fields.value = error.fields ?? {};
  }

  /** A refusal the form finds itself before asking the core (e.g. a sum that is not a number). */
  function showField(path: string, text: string): void {
    message.value = text;
    fields.value = { [path]: text };
  }

  function clear(): void {
    message.value = null;
    fields.value = {};
  }

  /** Bind to an NFormItem (v-bind="fe('phone')"): the first of the paths that has a message marks the field. */
  function fe(...paths: string[]): FieldFeedback {
    return fieldFeedback(fields.value, ...paths);
  }

  return { message, fields, show, showField, clear, fe };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
