import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** node:util parseArgs with Russian messages: an office script's author reads these. */
export function parseArgsRu<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`Неизвестный параметр ${option.split(' ')[0]}.`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new UsageError(`Параметр ${option.split(' ')[0] || ''} указан неверно: ему нужно значение (или он его не принимает).`);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new UsageError(`Лишнее значение «${option}»: параметры пишутся как --имя значение.`);
      default:
        throw new UsageError(`Параметры указаны неверно: ${err.message}`);
    }
  }
}
