import { computed, type ComputedRef } from 'vue';
import { useRoute } from 'vue-router';
import { CERTIFICATE_NUMBER_PATTERN } from '@shared/rules';

/**
 * The certificate the operator came with (`?certificate=`, from the child's card or the navigator's check), carried
 * on to the next screen and offered in its application dialog; empty when absent or not a certificate number.
 */
export function useRouteCertificate(): ComputedRef<string> {
  const route = useRoute();
  return computed(() => {
    const c = route.query.certificate;
    return typeof c === 'string' && CERTIFICATE_NUMBER_PATTERN.test(c) ? c : '';
  });
}
