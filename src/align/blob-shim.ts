/**
 * Stands in for `blob-polyfill`, which soundswallower's web build imports for
 * `Blob`. The polyfill touches `document` at load time and so throws inside a
 * Web Worker; every environment we run in has a native `Blob`. vite.config.ts
 * aliases `blob-polyfill` to this file for the app and worker bundles.
 */
export const Blob = globalThis.Blob;
