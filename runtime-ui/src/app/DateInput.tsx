import { useState } from 'react';
import { useT } from '../i18n';

/**
 * Reads a date as written in Sweden: ÅÅÅÅ-MM-DD (ISO 8601, which is also the Swedish standard SS-ISO 8601), or the
 * same without dashes ("20260315") or without leading zeros ("2026-3-5"). Returns the ISO date, or null when the
 * text is not a date that exists (2026-02-30).
 */
export function normalizeDate(text: string): string | null {
  const m = /^(\d{4})-?(\d{1,2})-?(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  if (!text.includes('-') && text.trim().length !== 8) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type Props = {
  id: string;
  value: string;
  /** The text as typed; on leaving the field, the normalised ISO date (or the text if it is no date). */
  onChange: (text: string) => void;
  onBlur?: (iso: string | null, text: string) => void;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
};

/**
 * A date field in Swedish format whatever the browser's language: a text field with the format shown (a native
 * date input follows the browser's locale, so an English browser shows mm/dd/yyyy). Checks the date when the user
 * leaves the field and says next to it what is wrong.
 */
export function DateInput({ id, value, onChange, onBlur, describedBy, invalid, disabled }: Props) {
  const t = useT();
  const [wrong, setWrong] = useState(false);
  const hintId = `${id}-format`;
  const errorId = `${id}-date-error`;
  const describe = [describedBy, hintId, wrong ? errorId : null].filter(Boolean).join(' ');
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        className="date"
        maxLength={10}
        value={value}
        disabled={disabled}
        aria-describedby={describe}
        aria-invalid={invalid || wrong ? true : undefined}
        onChange={(e) => {
          if (wrong) setWrong(false);
          onChange(e.target.value);
        }}
        onBlur={() => {
          const iso = value.trim() === '' ? null : normalizeDate(value);
          setWrong(value.trim() !== '' && iso === null);
          if (iso !== null && iso !== value) onChange(iso);
          onBlur?.(iso, value);
        }}
      />
      <p id={hintId} className="hint">
        {t('date.format')}
      </p>
      {wrong ? (
        <p id={errorId} className="field-error" role="alert">
          {t('date.invalid')}
        </p>
      ) : null}
    </>
  );
}
