import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

// Sandboxed preload (built to dist/preload/index.cjs): the page gets exactly `window.marquee`.
contextBridge.exposeInMainWorld('marquee', createBridge(ipcRenderer));
