/** The card's representative tab (representatives.*). */
export const representativesRu = {
  representative: {
    intro: 'Контакты законного представителя и удобный адрес для посещения занятий. Электронная почта нужна, чтобы восстановить доступ к личному кабинету.',
    classAddress: 'Удобный адрес для посещения занятий',
    classAddressHint: 'По этому адресу навигатор будет предлагать ближайшие организации и программы.',
    saved: 'Данные представителя сохранены',
  },
} as const;
