/** Today in the operator's local time: 'YYYY-MM-DD' and as typed in forms, «ДД.ММ.ГГГГ». */
const pad = (n: number) => String(n).padStart(2, '0');

export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function todayTyped(now: Date = new Date()): string {
  return `${pad(now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear()}`;
}
