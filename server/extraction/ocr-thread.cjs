// The script of tesseract.js's OCR thread (its `workerPath`): the network is removed first
// (ocr-thread-offline.cjs), then tesseract.js's own Node worker script runs as usual.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: tesseract.js starts this thread from a file path */
require("./ocr-thread-offline.cjs");
require("tesseract.js/src/worker-script/node/index.js");
