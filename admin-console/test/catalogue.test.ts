import { describe, expect, it } from 'vitest';
import type { Definition } from '@rt/api/client';
import { catalogueRows, rulesOf, type AreaContent, type MethodContent } from '../src/pages/CataloguePage';

const area = (id: string, methods: string[]): Definition<AreaContent> => ({ id, content: { title: id.toUpperCase(), methods } }) as Definition<AreaContent>;
const method = (id: string, content: MethodContent): Definition<MethodContent> => ({ id, content }) as Definition<MethodContent>;

describe('the method catalogue', () => {
  const m = method('m', {
    title: 'M',
    purpose: 'evaluation',
    respondents: ['caseworker', 'client'],
    areas: [
      {
        visibleWhen: "answers.a == 'x'",
        questions: [
          { kind: 'background', autoAnswer: 'has(subject.targetGroup) ? subject.targetGroup : null', optionFilter: 'true' },
          { kind: 'rating', scale: '1-5', visibleWhen: 'answers.a != null' },
          { kind: 'rating', scale: 'percent', autoAnswer: { when: "answers.b == 'y'", value: '50' } },
          { kind: 'background', autoAnswer: 'user.municipality' },
        ],
      },
    ],
  });

  it('names the rules a method uses as the docs do', () => {
    expect(rulesOf(m.content)).toBe('visibleWhen 1 section + 1 question; optionFilter 1; autoAnswer subject 1, answers 1, user 1');
    expect(rulesOf({ areas: [{ questions: [{ kind: 'background' }] }] })).toBe('–');
  });

  it('has a row per area and method, and an empty row for an area without one', () => {
    const rows = catalogueRows([area('b', []), area('a', ['m', 'saknas'])], [m]);
    expect(rows.map((r) => [r.areaId, r.methodId])).toEqual([
      ['a', 'm'],
      ['b', null],
    ]);
    expect(rows[0]).toMatchObject({ questions: 4, ratings: 1, percent: 1, respondents: 'caseworker, client', purpose: 'evaluation' });
  });
});
