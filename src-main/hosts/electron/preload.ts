/**
 * The preload exposes exactly one function to the page: call(operation, input). No ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';

const CHANNEL = 'certdesk:call';

contextBridge.exposeInMainWorld('certdesk', {
  call: (operation: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CHANNEL, operation, input),
});
