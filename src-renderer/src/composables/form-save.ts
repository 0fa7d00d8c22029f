import { ref } from 'vue';
import { useMessage } from 'naive-ui';
import type { Result } from '@shared/result';
import type { FormErrors } from './form-errors';

/**
 * A form's save step: the request in progress (the button's spinner), the core's refusal shown in the form (its
 * alert and the fields it names), the success message. The core's answer comes back for what the form does next
 * (close, go to the new record). The caller refuses a second submit while `saving`.
 */
export function useFormSave(errors: FormErrors) {
  const saving = ref(false);
  const message = useMessage();

  async function save<T>(send: () => Promise<Result<T>>, savedText?: string | ((saved: T) => string)): Promise<Result<T>> {
    saving.value = true;
    const r = await send();
    saving.value = false;
    if (!r.ok) errors.show(r.error);
    else if (savedText !== undefined) message.success(typeof savedText === 'function' ? savedText(r.value) : savedText);
    return r;
  }

  return { saving, save };
}
