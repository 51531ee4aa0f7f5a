/** Swedish texts of the manual pages (spread into i18n/sv.ts; en.ts has the same keys from manual/en.ts). */
export const manualSv = {
  'manual.title': 'Handbok',
  'manual.intro': 'Handböckerna beskriver vad varje roll gör i Placera, steg för steg, med bilder från programmet. Den som beskriver din roll är markerad.',
  'manual.yours': 'din roll',
  'manual.pages': 'Handböcker',
  'manual.otherPages': 'Alla handböcker',
  'manual.pdfAll': 'Ladda ner hela handboken som PDF',
  'manual.pdfPage': 'Ladda ner den här handboken som PDF',
  'manual.pdfHint': 'En utskrivbar PDF med titelsida och innehållsförteckning.',
  'manual.none': 'Det finns ingen handbok att visa.',
  'problem.MANUAL_PAGE_NOT_FOUND': 'Handboken finns inte.',
  'problem.MANUAL_IMAGE_NOT_FOUND': 'Bilden finns inte i handboken.',
} as const;
