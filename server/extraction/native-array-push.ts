// pdf-parse bundles pdf.js's legacy build, which carries core-js. On Node 20 (V8 11) core-js
// replaces Array.prototype.push with a JavaScript version, for an edge case no résumé reaches
// (an array-like of 2^32 items): every push in the process then runs through it, about a tenth of
// a PDF's extraction time, and the résumé reader's arrays slow down with it. This module is
// imported before pdf-parse, keeps the engine's push, and `restoreNativePush` puts it back once
// pdf.js has loaded (its worker module loads with the first document). The other things core-js
// adds (Promise.withResolvers, Set methods, Iterator helpers) are new names and stay.
export const NATIVE_PUSH = Array.prototype.push;

export function restoreNativePush(): void {
  if (Array.prototype.push === NATIVE_PUSH) return;
  Object.defineProperty(Array.prototype, "push", {
    value: NATIVE_PUSH,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}
