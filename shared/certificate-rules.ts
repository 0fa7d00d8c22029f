/**
 * What may be done with a certificate in each status: pure rules the core refuses by and puts on the card, so that a
 * screen shows the core's decision and never recomputes it.
 */
import type { CertificateStatus } from './enums';

/** The statuses each status change starts from; annulment is final, nothing starts from it. */
export const STATUS_CHANGES_FROM = {
  activate: ['issued'],
  suspend: ['active'],
  resume: ['suspended'],
  annul: ['issued', 'active', 'suspended'],
  setChecklist: ['issued', 'active', 'suspended'],
} as const satisfies Record<string, readonly CertificateStatus[]>;

export type CertificateStatusChange = keyof typeof STATUS_CHANGES_FROM;

export function statusChangeAllowed(change: CertificateStatusChange, status: CertificateStatus): boolean {
  return (STATUS_CHANGES_FROM[change] as readonly CertificateStatus[]).includes(status);
}

/** The card's decisions: one per action its tabs offer. */
export interface CertificateDecisions {
  activatable: boolean;
  suspendable: boolean;
  resumable: boolean;
  annullable: boolean;
  checklistEditable: boolean;
  /** Consents, the confirmation policy, the code phrase and printed documents: not for an annulled certificate. */
  editable: boolean;
}

export function certificateDecisions(status: CertificateStatus): CertificateDecisions {
  return {
    activatable: statusChangeAllowed('activate', status),
    suspendable: statusChangeAllowed('suspend', status),
    resumable: statusChangeAllowed('resume', status),
    annullable: statusChangeAllowed('annul', status),
    checklistEditable: statusChangeAllowed('setChecklist', status),
    editable: status !== 'annulled',
  };
}
