/** Paging of a list the server pages with offset and limit (pages counted from 1). */

/** How many pages `total` items make, at least one. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A page number from the address: an integer from 1, else 1. */
export function parsePage(text: string | null | undefined): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The offset of a page's first item. */
export function offsetOf(page: number, size: number): number {
  return (page - 1) * size;
}

/**
 * The page numbers to offer: the first, the last and those within `around` of the current one; null marks a gap
 * ("…"). For example page 6 of 20 gives 1 … 5 6 7 … 20.
 */
export function pageWindow(current: number, count: number, around = 1): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= around) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
