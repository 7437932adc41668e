/*
 * The core's public entry: what the shells (Electron, the browser host), the tools and the
 * tests build a core with. Everything else in src/main/core is the core's own.
 */
export {
  APP_VERSION,
  SECRET_KEY_FILE,
  createCore,
  type Core,
  type CoreEventListener,
  type CoreOptions,
} from './plumbing/core';
export type { CoreSession } from './plumbing/sessions';
