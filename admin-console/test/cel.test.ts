import { describe, expect, it } from 'vitest';
import { autoValueToCel, cascadeToCel, groupToCel, parseAuto, parseCascade, parseGroup, type ConditionGroup } from '../src/designer/cel';
import type { QuestionDef } from '../src/designer/model';

const questions: Record<string, QuestionDef> = {
  kategori: { id: 'kategori', text: 'Kategori', kind: 'background', answerType: 'single' },
  behov: { id: 'behov', text: 'Behov', kind: 'background', answerType: 'multiple' },
  nojdhet: { id: 'nojdhet', text: 'Nöjd', kind: 'rating', scale: '1-5' },
};

describe('condition builder CEL', () => {
  it('writes the conditions as CEL the method format uses', () => {
    const g: ConditionGroup = {
      combine: 'and',
      conditions: [
        { question: 'kategori', op: 'eq', value: 'boende' },
        { question: 'nojdhet', op: 'gt', value: '3' },
        { question: 'behov', op: 'contains', value: "vård's" },
      ],
    };
    expect(groupToCel(g, questions)).toBe(
      "answers.kategori == 'boende' && (answers.nojdhet != null && answers.nojdhet > 3) && (answers.behov != null && 'vård\\'s' in answers.behov)",
    );
  });

  it('reads back what it wrote', () => {
    const groups: ConditionGroup[] = [
      { combine: 'and', conditions: [{ question: 'kategori', op: 'eq', value: 'boende' }] },
      { combine: 'or', conditions: [{ question: 'kategori', op: 'in', value: 'a, b' }, { question: 'nojdhet', op: 'eq', value: '5' }] },
      { combine: 'and', conditions: [{ question: 'behov', op: 'contains', value: 'x' }, { question: 'kategori', op: 'answered', value: '' }] },
      { combine: 'and', conditions: [{ question: 'nojdhet', op: 'lt', value: '2' }] },
    ];
    for (const g of groups) expect(parseGroup(groupToCel(g, questions))).toEqual(g);
  });

  it('leaves other CEL to the text mode', () => {
    expect(parseGroup("size(answers.behov) > 2")).toBeNull();
    expect(parseGroup('')).toEqual({ combine: 'and', conditions: [] });
  });

  it('writes and reads cascades and automatic answers', () => {
    const cel = cascadeToCel('kategori', 'kategori');
    expect(cel).toBe('answers.kategori == null || item.attributes.kategori == answers.kategori');
    expect(parseCascade(cel)).toEqual({ attribute: 'kategori', question: 'kategori' });
    expect(autoValueToCel('user', 'municipality', false)).toBe('user.municipality');
    expect(parseAuto('user.municipality')).toEqual({ when: { combine: 'and', conditions: [] }, kind: 'user', value: 'municipality' });
    expect(parseAuto({ when: "answers.kategori == 'boende'", value: "'ja'" })).toEqual({
      when: { combine: 'and', conditions: [{ question: 'kategori', op: 'eq', value: 'boende' }] },
      kind: 'fixed',
      value: 'ja',
    });
    expect(parseAuto('has(subject.targetGroup) ? dyn(subject.targetGroup) : null')?.kind).toBe('subject');
  });
});
