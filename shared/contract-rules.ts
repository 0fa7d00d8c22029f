/**
 * When a contract (or application) may be acted on: pure rules the core refuses by and computes its views' decisions
 * from, so that a screen shows the core's decision and never recomputes it (dates are compared in the core's «today»).
 */
import type { ContractStatus } from './enums';
import { lastRatingDay } from './rules';

/** The facts the rules read: the stored status (never the derived «действующий»), the dates. */
export interface ContractFacts {
  status: ContractStatus;
  startDate: string;
  endDate: string;
  terminationDate: string | null;
}

/** A confirmed contract is in force («действующий») from its start date on. */
export function effectiveStatus(status: ContractStatus, startDate: string, today: string): ContractStatus {
  return status === 'confirmed' && startDate <= today ? 'active' : status;
}

/** The organization confirms or rejects only an application that waits for it. */
export const isConfirmable = (k: ContractFacts): boolean => k.status === 'pending';
export const isRejectable = (k: ContractFacts): boolean => k.status === 'pending';

/** The representative cancels an application waiting for confirmation, or a confirmed one before its studies start. */
export function isCancellable(k: ContractFacts, today: string): boolean {
  return k.status === 'pending' || (k.status === 'confirmed' && k.startDate > today);
}

/** Only a contract in force is terminated. */
export function isTerminable(k: ContractFacts, today: string): boolean {
  return effectiveStatus(k.status, k.startDate, today) === 'active';
}

/** A contract in force, confirmed or completed continues into a group of the next school year. */
export function isProlongable(k: ContractFacts): boolean {
  return k.status === 'confirmed' || k.status === 'active' || k.status === 'completed';
}

/** A rejected or cancelled application gets no «Заявление на зачисление». */
export function isApplicationPrintable(k: ContractFacts): boolean {
  return k.status !== 'rejected' && k.status !== 'cancelled';
}

/** The day a contract ended for rating purposes: its termination date, or its end date once completed. */
export function ratedEndDay(k: ContractFacts): string | null {
  return k.status === 'terminated' ? k.terminationDate : k.status === 'completed' ? k.endDate : null;
}

/** The last day the program may be rated for this contract, while that window is open today; otherwise null. */
export function ratingOpenUntil(k: ContractFacts, today: string): string | null {
  const endDay = ratedEndDay(k);
  if (!endDay) return null;
  const last = lastRatingDay(endDay);
  return today >= endDay && today <= last ? last : null;
}

/** What may be done with a contract today: the view's decisions, one per action a screen offers. */
export interface ContractDecisions {
  confirmable: boolean;
  rejectable: boolean;
  cancellable: boolean;
  terminable: boolean;
  prolongable: boolean;
  ratable: boolean;
  applicationPrintable: boolean;
}

export function contractDecisions(k: ContractFacts, today: string): ContractDecisions {
  return {
    confirmable: isConfirmable(k),
    rejectable: isRejectable(k),
    cancellable: isCancellable(k, today),
    terminable: isTerminable(k, today),
    prolongable: isProlongable(k),
    ratable: ratingOpenUntil(k, today) !== null,
    applicationPrintable: isApplicationPrintable(k),
  };
}

/** A group takes a contract's prolongation when it is of the same program and starts after the contract ends. */
export function takesProlongationOf(group: { programId: string; startDate: string }, contract: { programId: string; endDate: string }): boolean {
  return group.programId === contract.programId && group.startDate > contract.endDate;
}
