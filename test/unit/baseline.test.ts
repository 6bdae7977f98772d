import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LINUX_MASTER, WINDOWS_SLAVE, diagnose, diagnoseWorkspace, nodeText, withValues } from './helpers';

// The near-miss for every rule: realistic, correct files must stay silent.
test('the reference Linux master and Windows slave get no diagnostics', () => {
  assert.deepEqual(diagnose(nodeText(LINUX_MASTER)).map((d) => d.code), []);
  assert.deepEqual(diagnose(nodeText(WINDOWS_SLAVE, '\r\n')).map((d) => d.code), []);
});

test('a correct three-node cluster gets no diagnostics', () => {
  const result = diagnoseWorkspace({
    'file:///ws/mx1/path.dat': nodeText(LINUX_MASTER),
    'file:///ws/mx2/path.dat': nodeText(withValues(LINUX_MASTER, { 4: '12', 10: '10.0.0.12', 11: 'mx2.example.net', 14: '1' })),
    'file:///ws/mx3/path.dat': nodeText(withValues(LINUX_MASTER, { 4: '13', 10: '10.0.0.13', 11: 'mx3.example.net', 14: '1' })),
  });
  for (const [uri, diagnostics] of Object.entries(result)) assert.deepEqual(diagnostics.map((d) => d.code), [], uri);
});
