// The connection library's browser runtime, with one change: its "next turn" (setImmediate)
// is a MessageChannel message rather than setTimeout(0). The library handles one message per
// turn, and browsers make a chain of zero-delay timeouts wait 4 ms per step after the fifth, so
// a burst (the index reading 1,000 files through the client, then 1,000 publishes) took seconds
// of pure waiting. A message to a port is a task of its own with no such floor.
import { RAL } from 'vscode-languageserver/browser';

let installed = false;

/** Swaps in the port-based next turn; once per bundle (the client and server in one worker share it). */
export function installBrowserRuntime(): void {
  if (installed) return;
  installed = true;
  const runtime = RAL();
  const waiting = new Map<number, () => void>();
  let nextId = 0;
  const channel = new MessageChannel();
  // Typed for both globals the project compiles against (a browser's and Node's MessagePort).
  const receiver = channel.port1 as unknown as { onmessage: ((event: { data: number }) => void) | null };
  receiver.onmessage = (event) => {
    const callback = waiting.get(event.data);
    waiting.delete(event.data);
    callback?.();
  };
  RAL.install({
    ...runtime,
    timer: {
      ...runtime.timer,
      setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]) {
        const id = nextId++;
        waiting.set(id, () => callback(...args));
        channel.port2.postMessage(id);
        return { dispose: () => void waiting.delete(id) };
      },
    },
  });
}
