// Memoisation keyed on the parsed model.
import { NodeFile } from './parse';

/**
 * Caches what is derived from a node. A NodeFile is never changed after parsing (an edit
 * makes a new one), so a WeakMap keyed on it is always current and frees itself.
 */
export function perNode<T>(derive: (node: NodeFile) => T): (node: NodeFile) => T {
  const cache = new WeakMap<NodeFile, T>();
  return (node) => {
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    const value = derive(node);
    cache.set(node, value);
    return value;
  };
}
