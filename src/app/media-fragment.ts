/**
 * The start time of a media fragment such as `#t=90`, `#t=npt:1:30`, `#t=1:02:03.5,100`.
 * Returns undefined when the hash has no usable `t`.
 */
export function fragmentStart(hash: string): number | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get('t');
  if (!raw) return undefined;
  const start = raw.replace(/^npt:/, '').split(',')[0] ?? '';
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(start)) return undefined;
  const seconds = start.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return Number.isFinite(seconds) ? seconds : undefined;
}
