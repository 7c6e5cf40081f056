/**
 * When a save was made, the way people say it: "today at 14:32",
 * "yesterday at 09:15", "3 Nov 2026, 09:15" (words and order follow the locale).
 */
export function describeSavedAt(savedAt: number, now: number = Date.now(), locale?: string): string {
  const saved = new Date(savedAt);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(saved);
  const days = calendarDay(new Date(now)) - calendarDay(saved);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `yesterday at ${time}`;
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(saved);
  return `${date}, ${time}`;
}

/** Days since the epoch in local time, so "today" means the user's today. */
function calendarDay(date: Date): number {
  return Math.round(new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() / 86_400_000);
}
