/** Rating a program by a contract (ratings.*). */
export const ratingsRu = {
  rating: {
    title: 'Оценка программы по договору {number}',
    window: 'Оценку можно поставить или изменить до {date} включительно.',
    results: 'Результаты обучения',
    staff: 'Педагоги и численность группы, как было заявлено',
    equipment: 'Материально-техническое оснащение',
    satisfaction: 'Общая удовлетворённость',
    missing: 'Укажите оценку: {parameter}',
    saved: 'Оценка сохранена. Средняя оценка программы «{program}»: {overall} %',
  },
} as const;
