import { REGISTRY_STAFF, type FeatureOperations } from '../../api/operation';
import { certificateCard, findCertificateId } from './card';
import { issueCertificate } from './issue';
import { searchCertificates } from './search';

export const certificateOperations: FeatureOperations<
  'certificates.issue' | 'certificates.search' | 'certificates.get'
> = {
  'certificates.issue': {
    roles: REGISTRY_STAFF,
    writes: true,
    handler: issueCertificate,
  },
  // Organization staff do not browse the registry of children: they reach a certificate by its number
  // under the confirmation policy (applications), never by searching names.
  'certificates.search': {
    roles: REGISTRY_STAFF,
    writes: false,
    handler(input, { core }) {
      const started = performance.now();
      const rows = searchCertificates(core.db, input.query, input.limit);
      return { rows, tookMs: Math.round((performance.now() - started) * 10) / 10 };
    },
  },
  'certificates.get': {
    roles: REGISTRY_STAFF,
    writes: false,
    auditReads: true,
    handler(input, ctx) {
      const id = findCertificateId(ctx.core.db, input);
      const card = certificateCard(ctx.core.db, id, ctx.today, ctx.nowIso);
      ctx.audit('certificate', id, `Просмотр кабинета сертификата ${card.number}`);
      return card;
    },
  },
};
