/** Small formatting helpers of the generation UI. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`;
}

export function seconds(ms: number | null): string {
  if (ms === null) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function money(usd: number | null): string {
  return usd === null || usd === 0 ? '' : usd < 0.01 ? '<$0.01' : `$${usd.toFixed(2)}`;
}

export const randomSeed = () => String(Math.floor(Math.random() * 2 ** 31));
