import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@rt/i18n';
import { RuleEditor } from '../src/designer/RuleEditor';
import type { QuestionDef } from '../src/designer/model';

const earlier: QuestionDef[] = [
  { id: 'kategori', text: 'Kategori', kind: 'background', answerType: 'single', options: { static: [{ value: 'boende', label: 'Boende' }, { value: 'oppen', label: 'Öppenvård' }] } },
];

function Stateful({ onChange }: { onChange: (cel: string | undefined) => void }) {
  const [value, setValue] = useState<string | undefined>(undefined);
  return (
    <RuleEditor
      label="Visa frågan bara när"
      value={value}
      questions={earlier}
      pointer="/areas/0/questions/1/visibleWhen"
      check={async () => []}
      onChange={(cel) => {
        setValue(cel);
        onChange(cel);
      }}
    />
  );
}

describe('RuleEditor', () => {
  it('builds CEL from a condition row', () => {
    const onChange = vi.fn();
    render(
      <I18nProvider lang="sv">
        <Stateful onChange={onChange} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till villkor' }));
    fireEvent.change(screen.getByLabelText('Fråga'), { target: { value: 'kategori' } });
    fireEvent.change(screen.getByLabelText('Värde'), { target: { value: 'oppen' } });
    expect(onChange).toHaveBeenLastCalledWith("answers.kategori == 'oppen'");
    expect(screen.getByText("answers.kategori == 'oppen'")).toBeTruthy();
  });

  it('shows what the server says about a rule written as text', async () => {
    const check = vi.fn(async () => [{ pointer: '/areas/0/questions/1/visibleWhen', code: 'rule.type', detail: 'no matching overload' }]);
    render(
      <I18nProvider lang="sv">
        <RuleEditor label="Visa frågan bara när" value="size(answers.kategori) > 'x'" questions={earlier} pointer="/areas/0/questions/1/visibleWhen" check={check} onChange={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('Som text (CEL)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kontrollera' }));
    expect(await screen.findByText(/rule.type: no matching overload/)).toBeTruthy();
    expect(check).toHaveBeenCalledWith('/areas/0/questions/1/visibleWhen', "size(answers.kategori) > 'x'");
  });
});
