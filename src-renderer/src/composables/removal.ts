import type { ButtonProps } from 'naive-ui';
import { useDialog, useMessage } from 'naive-ui';
import { useI18n } from '@/composables/i18n';
import type { Result } from '@shared/result';

/**
 * Asks before removing something, in a dialog the keyboard reaches (Tab to «Удалить», Enter; Esc cancels), then
 * removes it: the core's refusal (an application refers to it…) is shown as it says it, for long enough to read.
 */
export function useRemoval() {
  const dialog = useDialog();
  const message = useMessage();
  const { t } = useI18n();
  return (question: string, remove: () => Promise<Result<unknown>>, done: string, after: () => void | Promise<void>): void => {
    dialog.warning({
      title: t('organization.removeTitle'),
      content: question,
      positiveText: t('organization.remove'),
      negativeText: t('common.cancel'),
      positiveButtonProps: { type: 'error', 'data-testid': 'remove-confirm' } as ButtonProps,
      negativeButtonProps: { 'data-testid': 'remove-cancel' } as ButtonProps,
      onPositiveClick: async () => {
        const r = await remove();
        if (!r.ok) {
          message.error(r.error.message, { duration: 12_000 });
          return true;
        }
        message.success(done);
        await after();
        return true;
      },
    });
  };
}
