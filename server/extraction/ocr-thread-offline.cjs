// Loaded first in tesseract.js's OCR thread (ocr-thread.cjs): every way to open a network
// connection in that thread throws, so the model and the wasm core can only come from disk.
// tesseract.js fetches only when its langPath is a URL; this makes "never" a property of the
// thread, not only of the options (server/extraction/ocr-engine.ts).
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: tesseract.js starts this thread from a file path */
const net = require("node:net");
const tls = require("node:tls");

function refuse(what) {
  return function refused() {
    throw new Error(`OCR thread: network access refused (${what})`);
  };
}

net.Socket.prototype.connect = refuse("net.Socket.connect");
net.connect = net.createConnection = refuse("net.connect");
tls.connect = refuse("tls.connect");
globalThis.fetch = function fetchRefused() {
  return Promise.reject(new Error("OCR thread: network access refused (fetch)"));
};
