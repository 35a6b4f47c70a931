/** How alike two texts are, by their words: 1 for the same words, 0 for none in common (Jaccard). */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}']+/gu) ?? []);
}
