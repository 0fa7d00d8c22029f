/** «Администрирование»: operator accounts (operators.*). */
export const operatorsRu = {
  admin: {
    title: 'Администрирование',
    operators: 'Учётные записи операторов',
    create: 'Создать учётную запись',
    createTitle: 'Новая учётная запись',
    editTitle: 'Учётная запись {login}',
    passwordTitle: 'Новый пароль для {login}',
    edit: 'Изменить',
    setPassword: 'Задать пароль',
    organizationPlaceholder: 'Выберите организацию',
    activeLabel: 'Учётная запись активна (может входить в АРМ)',
    created: 'Учётная запись {login} создана',
    updated: 'Учётная запись {login} сохранена',
    passwordSet: 'Пароль для {login} задан',
    col: {
      login: 'Логин',
      fullName: 'ФИО',
      role: 'Роль',
      organization: 'Организация',
      active: 'Активна',
      lockedUntil: 'Заблокирована до',
      actions: 'Действия',
    },
  },
} as const;
