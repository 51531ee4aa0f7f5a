/** At most this many units can be compared side by side (the compare endpoint's limit). */
export const MAX_COMPARE = 4;

/**
 * Toggles a unit in the compare selection, keeping the order of picking. Adding a fifth unit is refused:
 * the selection is returned unchanged (the UI disables the remaining checkboxes and says why).
 */
export function toggleSelection(selected: readonly string[], id: string, max = MAX_COMPARE): string[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
  if (selected.length >= max) return [...selected];
  return [...selected, id];
}

/** Whether a checkbox for a unit not yet picked is still available. */
export function canAdd(selected: readonly string[], id: string, max = MAX_COMPARE): boolean {
  return selected.includes(id) || selected.length < max;
}

/** Formats a number of kronor the Swedish way ("2 500 kr"). */
export function formatKr(n: number | null | undefined, lang: 'sv' | 'en'): string {
  if (n === null || n === undefined) return '–';
  return `${new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n)} kr`;
}

/** Breakdown rate 0–1 as a percentage. */
export function formatRate(r: number | null | undefined): string {
  if (r === null || r === undefined) return '–';
  return `${Math.round(r * 100)} %`;
}
