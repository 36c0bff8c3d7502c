/** Only interfaces made of async methods can be stood in for: a call can then always wait for the load. */
type AsyncMethods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never };

/**
 * A store whose adapter is imported on its first call, so that its code and schemas stay off the
 * start-up path of a Lambda that may never call it (the owner's pages never read the console's stores).
 */
export function lazyStore<T extends AsyncMethods<T>>(load: () => Promise<T>): T {
  return new Proxy({} as T, {
    get: (_, method) => {
      // Not a thenable: a store returned from an async function must not be awaited into a call.
      if (method === 'then' || typeof method === 'symbol') return undefined;
      return async (...args: unknown[]) => {
        const store = (await load()) as Record<string, (...args: unknown[]) => Promise<unknown>>;
        return store[method]!(...args);
      };
    },
  });
}
