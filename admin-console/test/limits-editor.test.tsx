import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@rt/i18n';
import type { QuestionDef } from '../src/designer/model';
import { QuestionEditor } from '../src/designer/QuestionEditor';

function Stateful({ initial, onChange }: { initial: QuestionDef; onChange: (q: QuestionDef) => void }) {
  const [q, setQ] = useState(initial);
  return (
    <I18nProvider lang="sv">
      <QuestionEditor
        q={q}
        pointer="/areas/0/questions/0"
        earlier={[]}
        codelists={[]}
        check={async () => []}
        onChange={(x) => {
          setQ(x);
          onChange(x);
        }}
      />
    </I18nProvider>
  );
}

describe('QuestionEditor limits', () => {
  it('edits minimum and maximum of a number question and refuses a minimum above the maximum', () => {
    const onChange = vi.fn();
    render(<Stateful initial={{ id: 'antal', text: 'Antal', kind: 'background', answerType: 'number' }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Högsta värde'), { target: { value: '10' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ maximum: 10 }));
    fireEvent.change(screen.getByLabelText('Lägsta värde'), { target: { value: '12' } });
    const min = screen.getByLabelText('Lägsta värde');
    expect(min.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(min.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Fel: Lägsta värdet får inte vara större än det högsta.',
    );
    expect(onChange).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('Lägsta värde'), { target: { value: '2,5' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ minimum: 2.5, maximum: 10 }));
    expect(screen.getByLabelText('Lägsta värde').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByLabelText('Högsta antal tecken')).toBeNull();
  });

  it('edits maxLength of a text question as an integer of at least 1', () => {
    const onChange = vi.fn();
    render(<Stateful initial={{ id: 'fritext', text: 'Fritext', kind: 'background', answerType: 'text', maxLength: 500 }} onChange={onChange} />);
    const input = screen.getByLabelText('Högsta antal tecken') as HTMLInputElement;
    expect(input.value).toBe('500');
    fireEvent.change(input, { target: { value: '0' } });
    expect(screen.getByText('Fel: Måste vara minst 1.')).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.not.objectContaining({ maxLength: expect.anything() }));
    expect(screen.queryByLabelText('Lägsta värde')).toBeNull();
  });
});
