/** The enrollment application PDF («Заявление на зачисление») on contract rows. */
export const applicationPdf = {
  print: 'Заявление (PDF)',
  printHint: 'Заявление на зачисление по заявке {number}: открыть PDF для печати',
} as const;
