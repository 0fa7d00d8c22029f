/** Logging in and changing one's password (auth.*). */
export const authRu = {
  login: {
    heading: 'Вход в АРМ Сертификат',
    hint: 'Войдите под своей учётной записью оператора.',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    loginPlaceholder: 'Например, operator',
    passwordPlaceholder: 'Пароль',
    expired: 'Сеанс завершён. Войдите снова.',
    loggedOut: 'Вы вышли из АРМ.',
  },
  password: {
    title: 'Смена пароля',
    current: 'Текущий пароль',
    new: 'Новый пароль',
    repeat: 'Повторите новый пароль',
    rules: 'Не короче 10 символов, буквы и цифры.',
    mismatch: 'Новый пароль и его повтор не совпадают',
    changed: 'Пароль изменён',
  },
} as const;
