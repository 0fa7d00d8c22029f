/**
 * Russian is the source locale: every string the operator sees lives here, one file per operation namespace
 * (as the contract is split), merged below. The key paths are what t() takes; vue-tsc checks them (plugins/i18n.ts).
 * vue-i18n message syntax: avoid bare «@», «|», «{», «}» in texts (use {'@'} if ever needed).
 */
import { commonRu } from './common';
import { authRu } from './auth';
import { certificatesRu } from './certificates';
import { consentsRu } from './consents';
import { documentsRu } from './documents';
import { familyRu } from './family';
import { representativesRu } from './representatives';
import { auditRu } from './audit';
import { operatorsRu } from './operators';
import { contractsRu } from './contracts';
import { monthsRu } from './months';
import { scheduleRu } from './schedule';
import { ratingsRu } from './ratings';
import { organizationsRu } from './organizations';
import { navigatorRu } from './navigator';
import { eventsRu } from './events';
import { municipalitiesRu } from './municipalities';
import { officesRu } from './offices';

const ru = {
  ...commonRu,
  ...authRu,
  ...certificatesRu,
  ...consentsRu,
  ...documentsRu,
  ...familyRu,
  ...representativesRu,
  ...auditRu,
  ...operatorsRu,
  ...contractsRu,
  ...monthsRu,
  ...scheduleRu,
  ...ratingsRu,
  ...organizationsRu,
  ...navigatorRu,
  ...eventsRu,
  ...municipalitiesRu,
  ...officesRu,
} as const;

export default ru;
export type MessageSchema = typeof ru;
