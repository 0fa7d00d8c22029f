/** Today in the operator's local time: 'YYYY-MM-DD' and as typed in forms, «ДД.ММ.ГГГГ». */
const pad = (n: number) => String(n).padStart(2, '0');

/** How far the desk's clock is from this PC's; the core's dates decide, the screens follow them. */
let deskOffsetMs = 0;

export function syncDeskClock(deskNowIso: string): void {
  const at = Date.parse(deskNowIso);
  if (!Number.isNaN(at)) deskOffsetMs = at - Date.now();
}

export function deskNow(): Date {
  return new Date(Date.now() + deskOffsetMs);
}

export function todayIso(now: Date = deskNow()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function todayTyped(now: Date = deskNow()): string {
  return `${pad(now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear()}`;
}
