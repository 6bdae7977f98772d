import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrashPolicy } from '../../client/src/crashPolicy';

const MINUTE = 60_000;

function policyAt(times: number[]): { policy: CrashPolicy; advance: () => void } {
  let index = 0;
  const policy = new CrashPolicy({ maxCrashes: 4, windowMs: 3 * MINUTE, now: () => times[index] });
  return { policy, advance: () => index++ };
}

test('the server is restarted after its first three crashes and given up on at the fourth within 3 minutes', () => {
  const { policy, advance } = policyAt([0, 10_000, 20_000, 30_000]);
  const actions = [];
  for (let crash = 0; crash < 4; crash++) {
    actions.push(policy.recordCrash().action);
    advance();
  }
  assert.deepEqual(actions, ['restart', 'restart', 'restart', 'give-up']);
  assert.equal(policy.hasGivenUp, true);
});

test('crashes spread over more than 3 minutes keep being restarted', () => {
  const times = Array.from({ length: 10 }, (_, index) => index * 2 * MINUTE);
  const { policy, advance } = policyAt(times);
  for (const _ of times) {
    assert.equal(policy.recordCrash().action, 'restart');
    advance();
  }
});

test('once given up, later crashes never restart it again', () => {
  const { policy, advance } = policyAt([0, 1, 2, 3, 60 * MINUTE]);
  for (let crash = 0; crash < 4; crash++) {
    policy.recordCrash();
    advance();
  }
  const late = policy.recordCrash();
  assert.equal(late.action, 'give-up');
});

test('the give-up decision reports how many crashes fell inside the window', () => {
  const { policy, advance } = policyAt([0, 4 * MINUTE, 4 * MINUTE + 1, 4 * MINUTE + 2, 4 * MINUTE + 3]);
  const decisions = [];
  for (let crash = 0; crash < 5; crash++) {
    decisions.push(policy.recordCrash());
    advance();
  }
  assert.deepEqual(decisions.at(-1), { action: 'give-up', crashes: 4, windowMs: 3 * MINUTE });
  assert.equal(decisions[3].action, 'restart', 'the crash at 0 fell out of the window');
});
