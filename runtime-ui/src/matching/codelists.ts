import { useEffect, useState } from 'react';
import { metadata } from '../api/client';

export interface CodeItem {
  value: string;
  label: string;
  labelEn?: string;
  active?: boolean;
  attributes?: Record<string, unknown>;
}

export type Codelists = Record<string, CodeItem[]>;

/** The published versions of the given codelists (a list that fails to load stays empty). */
export function useCodelists(ids: string[]): Codelists {
  const [lists, setLists] = useState<Codelists>({});
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    for (const id of key.split(',')) {
      metadata.get<{ items: CodeItem[] }>('codelists', id, true).then(
        (d) => live && setLists((l) => ({ ...l, [id]: (d.content.items ?? []).filter((i) => i.active !== false) })),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return lists;
}

/** The label of a code in the UI language, or the code itself. */
export function codeLabel(lists: Codelists, list: string, value: string | null | undefined, lang: 'sv' | 'en'): string {
  if (!value) return '';
  const item = lists[list]?.find((i) => i.value === value);
  if (!item) return value;
  return lang === 'en' && item.labelEn ? item.labelEn : item.label;
}

/**
 * The placement forms that fit a target group: those whose codelist attribute `targetGroups` names it (a form
 * without the attribute fits every group). All forms when no group is chosen.
 */
export function placementFormsFor(lists: Codelists, targetGroup: string): CodeItem[] {
  const forms = lists.placeringsformer ?? [];
  if (!targetGroup) return forms;
  return forms.filter((f) => {
    const groups = f.attributes?.targetGroups;
    return !Array.isArray(groups) || groups.includes(targetGroup);
  });
}
