import { useEffect, useState } from 'react';
import { metadata } from '../api/client';

export interface CodeItem {
  value: string;
  label: string;
  labelEn?: string;
  active?: boolean;
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
