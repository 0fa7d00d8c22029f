/**
 * When a contract (or application) may be acted on: pure rules the core refuses by and computes its views' decisions
 * from, so that a screen shows the core's decision and never recomputes it (dates are compared in the core's «today»).
 */
import type { ContractStatus } from './enums';
import { lastRatingDay } from './rules';

/**
 * The facts the rules read: the stored status (never the derived «действующий»), the dates, and whether the
 * contract is a prolongation. A contract in force with a termination date waits for its month's close
 * («ожидает расторжения»); a terminated one carries the date it was terminated from.
 */
export interface ContractFacts {
  status: ContractStatus;
  startDate: string;
  endDate: string;
  terminationDate: string | null;
  prolongation: boolean;
}

/** The last day of a date's calendar month: '2026-11-23' → '2026-11-30'. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A confirmed contract is in force («действующий») from its start date on. */
export function effectiveStatus(status: ContractStatus, startDate: string, today: string): ContractStatus {
  return status === 'confirmed' && startDate <= today ? 'active' : status;
}

/** The organization confirms or rejects only an application that waits for it. */
export const isConfirmable = (k: ContractFacts): boolean => k.status === 'pending';
export const isRejectable = (k: ContractFacts): boolean => k.status === 'pending';

/**
 * A prolongation the representative did not refuse within 7 days (or that was otherwise confirmed) is final: the
 * way out is termination, not cancellation.
 */
export function isAcceptedProlongation(k: ContractFacts): boolean {
  return k.prolongation && k.status === 'confirmed';
}

/**
 * The representative cancels an application waiting for confirmation (a pending prolongation: refuses it), or a
 * confirmed one before its studies start, unless it is an accepted prolongation.
 */
export function isCancellable(k: ContractFacts, today: string): boolean {
  return k.status === 'pending' || (k.status === 'confirmed' && k.startDate > today && !isAcceptedProlongation(k));
}

/** A contract in force with a termination date: «ожидает расторжения» until the close of that date's month. */
export function isAwaitingTermination(k: ContractFacts): boolean {
  return (k.status === 'active' || k.status === 'confirmed') && k.terminationDate !== null;
}

/** Only a contract in force is terminated, once: one awaiting termination has its date already. */
export function isTerminable(k: ContractFacts, today: string): boolean {
  return effectiveStatus(k.status, k.startDate, today) === 'active' && !isAwaitingTermination(k);
}

/** A termination is withdrawn until the close of its month ends the contract. */
export function isTerminationWithdrawable(k: ContractFacts): boolean {
  return isAwaitingTermination(k);
}

/** A contract in force (not being terminated), confirmed or completed continues into a group of the next school year. */
export function isProlongable(k: ContractFacts): boolean {
  return (k.status === 'confirmed' || k.status === 'active' || k.status === 'completed') && !isAwaitingTermination(k);
}

/** A rejected or cancelled application gets no «Заявление на зачисление». */
export function isApplicationPrintable(k: ContractFacts): boolean {
  return k.status !== 'rejected' && k.status !== 'cancelled';
}

/**
 * The day a termination takes effect: the last day of its date's month (the organization is paid for the month
 * the child attended), or the contract's end if that comes first.
 */
export function terminationEffectiveDay(terminationDate: string, endDate: string): string {
  const end = monthEnd(terminationDate);
  return end < endDate ? end : endDate;
}

/**
 * The day a contract ended for rating purposes: for a terminated one the day its termination took effect (the
 * close of that month ended it), for a completed one its end date.
 */
export function ratedEndDay(k: ContractFacts): string | null {
  if (k.status === 'terminated') return k.terminationDate ? terminationEffectiveDay(k.terminationDate, k.endDate) : null;
  return k.status === 'completed' ? k.endDate : null;
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
  /** «Отозвать расторжение»: the contract awaits termination and its month is not closed yet. */
  terminationWithdrawable: boolean;
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
    terminationWithdrawable: isTerminationWithdrawable(k),
    prolongable: isProlongable(k),
    ratable: ratingOpenUntil(k, today) !== null,
    applicationPrintable: isApplicationPrintable(k),
  };
}

/** A group takes a contract's prolongation when it is of the same program and starts after the contract ends. */
export function takesProlongationOf(group: { programId: string; startDate: string }, contract: { programId: string; endDate: string }): boolean {
  return group.programId === contract.programId && group.startDate > contract.endDate;
}
