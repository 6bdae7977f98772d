// The service's own replacements for the two Node APIs it used, so it also runs in the browser:
// each must agree with what it replaced, on every input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { utf8ByteLength } from '../../common/utf8';
import { isIPv6Address } from '../../server/src/service';

const RUNS = 3_000;

test('isIPv6Address reads the text forms Node reads (compressed, IPv4 tail, zone) and refuses what Node refuses', () => {
  for (const address of ['::', '::1', '1:2:3:4:5:6:7:8', '1::2:3:4:5:6:7', '1:2:3:4:5:6:7::', 'ABCD::', '::ffff:192.0.2.1', '64:ff9b::192.0.2.1', 'fe80::1%eth0', '::%1']) {
    assert.equal(isIPv6Address(address), true, address);
  }
  for (const address of ['', ':', ':::', '1::2::3', ':1::', '1:::2', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '00000::', 'g::', '[::1]', '::1 ', 'fe80::1%', '1.2.3.4', '1.2.3.4::', '::ffff:01.2.3.4', '::ffff:256.1.1.1', '1:2:3:4:5:6:7:1.2.3.4', 'mx1.example.net']) {
    assert.equal(isIPv6Address(address), false, address);
  }
});

test('isIPv6Address agrees with node:net isIPv6 on generated addresses and near misses', () => {
  const token = fc.constantFrom('0', '1', 'f', 'ff', 'FFFF', 'abcd', '12345', 'g', ':', ':', ':', '::', '.', '1.2.3.4', '256', '01', '%', 'eth0', '-', ' ', '[', ']');
  const candidate = fc.array(token, { maxLength: 14 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(candidate, (text) => isIPv6Address(text) === isIPv6(text)),
    { numRuns: RUNS, seed: 17 },
  );
});

test('utf8ByteLength counts what Buffer.byteLength counts, lone surrogates included', () => {
  for (const text of ['', 'a', 'é', '€', '😀', '\uD800', '\uDC00x', '\uD83D\uDE00\uD83D', 'path.dat\r\n']) {
    assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
  }
  // UTF-16 code units from each width's range, surrogates (paired or not) weighted up.
  const codeUnit = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0x7ff }), fc.integer({ min: 0x800, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff }));
  const text = fc.array(codeUnit, { maxLength: 60 }).map((units) => String.fromCharCode(...units));
  fc.assert(
    fc.property(text, (sample) => utf8ByteLength(sample) === Buffer.byteLength(sample, 'utf8')),
    { numRuns: RUNS, seed: 17 },
  );
});
