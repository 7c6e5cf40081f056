import type { TabChannel, TabMessage } from '../../src/app/tab-lock.ts';

type Waiter = {
  options: LockOptions;
  callback: LockGrantedCallback<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

const abortError = () => new DOMException('The request was aborted.', 'AbortError');

/**
 * The Web Locks API's exclusive mode in memory, for several "tabs" in one test:
 * a queue per name, `ifAvailable`, `steal` (the holder's request rejects) and
 * `signal` (a waiting request leaves the queue).
 */
export function createMemoryLockManager(): LockManager {
  const held = new Map<string, Waiter>();
  const queues = new Map<string, Waiter[]>();
  const queue = (name: string) => queues.get(name) ?? queues.set(name, []).get(name)!;

  const grant = (name: string, waiter: Waiter) => {
    held.set(name, waiter);
    const release = () => {
      if (held.get(name) !== waiter) return;
      held.delete(name);
      const next = queue(name).shift();
      if (next) grant(name, next);
    };
    Promise.resolve()
      .then(() => waiter.callback({ name, mode: 'exclusive' } as Lock))
      .then(
        (value) => {
          release();
          waiter.resolve(value);
        },
        (error: unknown) => {
          release();
          waiter.reject(error);
        },
      );
  };

  const request = (name: string, optionsOrCallback: LockOptions | LockGrantedCallback<unknown>, maybeCallback?: LockGrantedCallback<unknown>) => {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback!;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { options, callback, resolve, reject };
      if (options.signal?.aborted) return reject(abortError());
      if (options.steal) {
        const holder = held.get(name);
        held.delete(name);
        holder?.reject(abortError());
        grant(name, waiter);
        return;
      }
      if (held.has(name) || queue(name).length > 0) {
        if (options.ifAvailable) {
          Promise.resolve(callback(null)).then(resolve, reject);
          return;
        }
        queue(name).push(waiter);
        options.signal?.addEventListener('abort', () => {
          const waiting = queue(name);
          const at = waiting.indexOf(waiter);
          if (at < 0) return;
          waiting.splice(at, 1);
          reject(abortError());
        });
        return;
      }
      grant(name, waiter);
    });
  };
  return { request, query: () => Promise.resolve({ held: [], pending: [] }) } as unknown as LockManager;
}

/** BroadcastChannel between the "tabs" of one test: every other open channel gets each message, asynchronously. */
export function createChannelHub() {
  const open = new Set<TabChannel>();
  return {
    channel(): TabChannel {
      const channel: TabChannel = {
        onmessage: null,
        postMessage(message: TabMessage) {
          for (const other of open) {
            if (other === channel) continue;
            setTimeout(() => other.onmessage?.({ data: structuredClone(message) } as MessageEvent<TabMessage>), 0);
          }
        },
        close() {
          open.delete(channel);
        },
      };
      open.add(channel);
      return channel;
    },
  };
}
