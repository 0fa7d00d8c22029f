/**
 * What an operator types into the search box, keystroke by keystroke. Each prefix of a target is one
 * search request (search as you type), classed by what the query is.
 */
export type QueryClass = 'Имя: 1–2 буквы' | 'Имя: 3+ букв' | 'Несколько слов' | 'Номер (цифры)';

export const QUERY_CLASSES: QueryClass[] = ['Имя: 1–2 буквы', 'Имя: 3+ букв', 'Несколько слов', 'Номер (цифры)'];

/** Typed in full, letter by letter. */
export const TYPED = [
  'Иванова Анна',
  'Иванов Иван Иванович',
  'Смирнова Мария',
  'Кузнецова',
  'Семёнов',
  'Фёдорова Алёна',
  'Королёва',
  'Александрова Ксения',
  'ёлкина',
  // representatives' names
  'Ольга Петровна',
  'Светлана Сер',
  'Евгения',
  // numbers
  '9901200345',
  '9902000123',
  '9903123456',
  '9905012345',
];

/** Named in the issue: broad prefixes and common surnames. */
export const NAMED = ['И', 'Ив', 'Ива', 'Иван', 'Иванов', 'Иванова А', 'Смирн', 'Кузнецова', 'Сем', 'Фёд', 'ёлк', '99', '9901', '990120', '9902000'];

export function classify(query: string): QueryClass {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.every((w) => /^\d+$/.test(w))) return 'Номер (цифры)';
  if (words.length > 1) return 'Несколько слов';
  return words[0]!.length <= 2 ? 'Имя: 1–2 буквы' : 'Имя: 3+ букв';
}

/** Every keystroke of every typed target (a trailing space is not a new search), then the named queries. */
export function keystrokeQueries(): string[] {
  const out: string[] = [];
  for (const target of TYPED) {
    for (let i = 1; i <= target.length; i += 1) {
      const q = target.slice(0, i);
      if (q.endsWith(' ')) continue;
      out.push(q);
    }
  }
  return [...out, ...NAMED];
}
