/**
 * Resolves in the next task, so the page can paint and answer input in between; ahead of
 * timers (a message, not setTimeout's 4 ms clamp). Long main-thread work (reading a big
 * file's chunks, rebuilding a worker's result) awaits it every few milliseconds.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clock for such work: `due()` is true once `sliceMs` have passed since the last yield. */
export function timeSlicer(sliceMs = 8): { due(): boolean; yield(): Promise<void> } {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= sliceMs,
    async yield() {
      await nextTask();
      since = performance.now();
    },
  };
}
