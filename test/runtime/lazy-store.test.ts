import { describe, expect, it } from 'vitest';
import { lazyStore } from '../../functions/runtime/lazy-store.js';

interface CounterStore {
  add(by: number): Promise<number>;
  fail(): Promise<void>;
}

function counter(): { load: () => Promise<CounterStore>; loads: () => number } {
  let loads = 0;
  let total = 0;
  const store: CounterStore = {
    add: async (by) => (total += by),
    fail: async () => {
      throw new Error('refused');
    },
  };
  return {
    load: async () => {
      loads++;
      return store;
    },
    loads: () => loads,
  };
}

describe('lazyStore', () => {
  it('loads nothing until the first call, then passes each call through with its arguments', async () => {
    const { load, loads } = counter();
    const store = lazyStore(load);
    expect(loads()).toBe(0);
    expect(await store.add(2)).toBe(2);
    expect(await store.add(3)).toBe(5);
    expect(loads()).toBe(2); // the caller's load memoises; composeDeps's does
  });

  it('passes on the store’s errors and a failed load', async () => {
    await expect(lazyStore(counter().load).fail()).rejects.toThrow('refused');
    await expect(lazyStore<CounterStore>(() => Promise.reject(new Error('no module'))).add(1)).rejects.toThrow('no module');
  });

  it('is not a thenable, so an async function can return it', async () => {
    const store = lazyStore(counter().load);
    const returned = await (async () => store)();
    expect(returned).toBe(store);
  });
});
