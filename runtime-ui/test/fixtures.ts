import type { FormState } from '../src/api/client';

/** A form state as the server sends it: a cascade, a rating, a percentage and an automatic answer. */
export function sampleState(): FormState {
  return {
    responseId: 'r1',
    method: { id: 'm', version: 1, title: 'Uppföljning', purpose: 'evaluation' },
    status: 'draft',
    revision: 3,
    complete: false,
    answers: { kommun: 'Exempelkommun' },
    messages: [],
    areas: [
      {
        id: 'bakgrund',
        title: 'Bakgrund',
        questions: [
          {
            id: 'kategori',
            heading: 'Kategori',
            text: 'Vilken sorts insats?',
            kind: 'background',
            answerType: 'single',
            required: true,
            help: 'Välj **en**',
            helpHtml: '<p>Välj <strong>en</strong></p>',
            options: [
              { value: 'boende', label: 'Boende' },
              { value: 'oppen', label: 'Öppenvård' },
            ],
          },
          { id: 'kommun', heading: 'Kommun', text: 'Kommun', kind: 'background', answerType: 'text', value: 'Exempelkommun', auto: true, autoSource: 'rule' },
        ],
      },
      {
        id: 'skattning',
        title: 'Skattning',
        questions: [
          { id: 'nojdhet', text: 'Hur nöjd är du?', kind: 'rating', scale: '1-5', scaleLabels: { '1': 'Inte alls', '5': 'Mycket' } },
          { id: 'mal', text: 'Hur stor del av målen är uppnådda?', kind: 'rating', scale: 'percent' },
        ],
      },
    ],
  };
}
