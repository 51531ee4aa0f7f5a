import { describe, expect, it } from 'vitest';
import { canAdd, formatRate, MAX_COMPARE, toggleSelection } from '../src/matching/selection';
import { cleanCriteria } from '../src/api/register';

describe('compare selection', () => {
  it('adds in order and removes', () => {
    let s: string[] = [];
    s = toggleSelection(s, 'a');
    s = toggleSelection(s, 'b');
    expect(s).toEqual(['a', 'b']);
    expect(toggleSelection(s, 'a')).toEqual(['b']);
  });

  it('holds at most four units', () => {
    let s: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) s = toggleSelection(s, id);
    expect(s).toEqual(['a', 'b', 'c', 'd']);
    expect(s).toHaveLength(MAX_COMPARE);
    expect(canAdd(s, 'e')).toBe(false);
    expect(canAdd(s, 'a')).toBe(true);
    // Removing one frees a place again.
    s = toggleSelection(s, 'b');
    expect(canAdd(s, 'e')).toBe(true);
    expect(toggleSelection(s, 'e')).toEqual(['a', 'c', 'd', 'e']);
  });

  it('formats the breakdown rate', () => {
    expect(formatRate(0.125)).toBe('13 %');
    expect(formatRate(null)).toBe('–');
  });
});

describe('criteria', () => {
  it('leaves out empty criteria so they do not filter', () => {
    expect(cleanCriteria({ targetGroup: 'barn-unga', placementForm: '', needs: [], age: Number.NaN, frameworkOnly: false, requireVacancy: true, maxPrice: 3000 }))
      .toEqual({ targetGroup: 'barn-unga', requireVacancy: true, maxPrice: 3000 });
  });
});
