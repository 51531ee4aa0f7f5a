import type { manualSv } from './sv';

/** English texts of the manual pages: the same keys as manual/sv.ts (checked by the compiler). */
export const manualEn: Record<keyof typeof manualSv, string> = {
  'manual.title': 'Manual',
  'manual.intro': 'The manuals describe what each role does in Placera, step by step, with pictures of the application. They are written in Swedish. The one describing your role is marked.',
  'manual.yours': 'your role',
  'manual.pages': 'Manuals',
  'manual.otherPages': 'All manuals',
  'manual.pdfAll': 'Download the whole manual as PDF',
  'manual.pdfPage': 'Download this manual as PDF',
  'manual.pdfHint': 'A printable PDF with a title page and a table of contents.',
  'manual.none': 'There is no manual to show.',
  'problem.MANUAL_PAGE_NOT_FOUND': 'The manual does not exist.',
  'problem.MANUAL_IMAGE_NOT_FOUND': 'The picture is not in the manual.',
};
