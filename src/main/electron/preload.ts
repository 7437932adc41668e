import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Only these two functions cross into the page: no Node, no ipcRenderer itself.
contextBridge.exposeInMainWorld('leadphone', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('leadphone:invoke', method, input),
  on: (listener: (event: string, payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: string, payload: unknown) =>
      listener(event, payload);
    ipcRenderer.on('leadphone:event', wrapped);
    return () => {
      ipcRenderer.removeListener('leadphone:event', wrapped);
    };
  },
});
