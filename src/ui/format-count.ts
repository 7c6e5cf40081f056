/** `12,345`; without Intl, whose first use costs a frame. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}
