import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { sv, type MessageKey } from './sv';

export type Lang = 'sv' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const bundles: Record<Lang, Record<MessageKey, string>> = { sv, en };

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  let text = bundles[lang][key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** Whether a string is a known message key (server codes are mapped to texts this way). */
export function isMessageKey(key: string): key is MessageKey {
  return key in sv;
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
  formatDate: (iso?: string) => string;
}

const Ctx = createContext<I18n>({
  lang: 'sv',
  t: (k, p) => translate('sv', k, p),
  setLang: () => undefined,
  formatDate: (iso) => iso ?? '',
});

function initialLang(): Lang {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('placera.lang');
  return stored === 'en' ? 'en' : 'sv';
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang());
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    localStorage.setItem('placera.lang', l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const fmt = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang,
      setLang,
      t: (k, p) => translate(lang, k, p),
      formatDate: (iso) => (iso ? fmt.format(new Date(iso)) : ''),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}

export function useT(): Translate {
  return useContext(Ctx).t;
}
