// The start of a script for `node -e` that lets a bundle of the client be required outside VS Code:
// `require('vscode')` gives a stub of which any property, call or construction gives the stub,
// enough for module evaluation. The bench's activation probe (figure (e)) and the test of the
// client's bundles both load the client this way.
export const VSCODE_STUB_PRELUDE = `
const Module = require('module');
const stub = new Proxy(function () {}, {
  get: (target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === 'prototype' ? {} : stub),
  apply: () => stub,
  construct: () => stub,
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
`;
