import type { CertificateStatus } from '@shared/enums';

/** Colour of a certificate status tag (presentation only). */
export function statusTagType(status: CertificateStatus): 'success' | 'warning' | 'error' | 'default' {
  switch (status) {
    case 'active':
      return 'success';
    case 'issued':
      return 'warning';
    case 'suspended':
      return 'warning';
    case 'annulled':
      return 'error';
    default:
      return 'default';
  }
}
