/**
 * The operation contract: every operation's name, input schema (zod) and output type, one file per namespace
 * (`<namespace>.ts`, implemented by `src-main/features/<namespace>/`). The core's operation table implements
 * exactly these; the renderer calls them by name.
 */
import type { z } from 'zod';
import { applicationsContract } from './applications';
import { auditContract } from './audit';
import { authContract } from './auth';
import { cabinetContract } from './cabinet';
import { certificatesContract } from './certificates';
import { childrenContract } from './children';
import { consentsContract } from './consents';
import { contractsContract } from './contracts';
import { documentsContract } from './documents';
import { eventsContract } from './events';
import { familyContract } from './family';
import { groupsContract } from './groups';
import { jobsContract } from './jobs';
import { modulesContract } from './modules';
import { monthsContract } from './months';
import { municipalitiesContract } from './municipalities';
import { officesContract } from './offices';
import { operatorsContract } from './operators';
import { organizationsContract } from './organizations';
import { programsContract } from './programs';
import { ratingsContract } from './ratings';
import { representativesContract } from './representatives';
import { scheduleContract } from './schedule';
import { settingsContract } from './settings';

export const operations = {
  ...applicationsContract,
  ...auditContract,
  ...authContract,
  ...cabinetContract,
  ...certificatesContract,
  ...childrenContract,
  ...consentsContract,
  ...contractsContract,
  ...documentsContract,
  ...eventsContract,
  ...familyContract,
  ...groupsContract,
  ...jobsContract,
  ...modulesContract,
  ...monthsContract,
  ...municipalitiesContract,
  ...officesContract,
  ...operatorsContract,
  ...organizationsContract,
  ...programsContract,
  ...ratingsContract,
  ...representativesContract,
  ...scheduleContract,
  ...settingsContract,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = Operations[N]['output'];
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
/** The namespaces of the contract: each is one contract file here and one feature folder in the core. */
export const OPERATION_NAMESPACES = ['applications', 'audit', 'auth', 'cabinet', 'certificates', 'children', 'consents', 'contracts', 'documents', 'events', 'family', 'groups', 'jobs', 'modules', 'months', 'municipalities', 'offices', 'operators', 'organizations', 'programs', 'ratings', 'representatives', 'schedule', 'settings'] as const;
export type OperationNamespace = (typeof OPERATION_NAMESPACES)[number];

export * from './applications';
export * from './audit';
export * from './auth';
export * from './cabinet';
export * from './certificates';
export * from './children';
export * from './consents';
export * from './contracts';
export * from './documents';
export * from './events';
export * from './family';
export * from './groups';
export * from './jobs';
export * from './modules';
export * from './months';
export * from './municipalities';
export * from './offices';
export * from './operators';
export * from './organizations';
export * from './programs';
export * from './ratings';
export * from './representatives';
export * from './schedule';
export * from './settings';
export * from './fields';
export { CONTRACT_STATUSES, type ContractStatus } from '../enums';
