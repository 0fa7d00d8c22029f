/** «Расписание» (schedule.*). */
export const scheduleRu = {
  schedule: {
    title: 'Расписание',
    modeLabel: 'Чьё расписание',
    child: 'Ребёнка',
    group: 'Группы',
    certificate: 'Номер сертификата',
    certificatePlaceholder: '10 цифр',
    badNumber: 'Номер сертификата — 10 цифр',
    show: 'Показать',
    groupLabel: 'Группа',
    groupPlaceholder: 'Выберите группу',
    empty: 'Занятий нет: нет действующих договоров или у группы не задано расписание',
    free: 'нет занятий',
    teacher: 'Педагог: {name}',
  },
} as const;
