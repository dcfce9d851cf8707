/**
 * Resolves in a later task, so the browser can paint and handle input between two pieces of
 * work. scheduler.yield() keeps the page's place in the queue where it exists (Chromium 129+);
 * elsewhere a message to ourselves, which, unlike a zero timeout, is not clamped to 4 ms once
 * timers nest: https://developer.chrome.com/blog/use-scheduler-yield
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
