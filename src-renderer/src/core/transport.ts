/**
 * How a call reaches the core: call(operation, input) → Result.
 * In the desktop window the preload exposes `window.certdesk.call` (one IPC channel);
 * in a browser served by the server host it is POST /api/<operation> with the session cookie.
 * Only core/client.ts imports this (lint, «renderer layering»): screens and stores call `request`, which ends an
 * expired session the same way everywhere.
 */
import type { OperationInput, OperationName, OperationOutput } from '@shared/operations';
import type { Result } from '@shared/result';

export interface DesktopBridge {
  call(operation: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    certdesk?: DesktopBridge;
  }
}

async function overHttp(operation: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`api/${operation}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Certdesk-Client': '1' },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Нет связи с сервером АРМ. Проверьте, что рабочее место запущено, и повторите.' },
    };
  }
}

export async function call<N extends OperationName>(
  operation: N,
  input: OperationInput<N>,
): Promise<Result<OperationOutput<N>>> {
  const bridge = window.certdesk;
  const result = bridge ? await bridge.call(operation, input) : await overHttp(operation, input);
  return result as Result<OperationOutput<N>>;
}
