import type { CertificateStatus, EventApplicationStatus } from '@shared/enums';

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

/** Colour of an event application's status tag (presentation only). */
export function eventApplicationTagType(status: EventApplicationStatus): 'success' | 'default' {
  return status === 'submitted' ? 'success' : 'default';
}
