/** Resolves once the page has loaded and the main thread is idle (or after `timeout` ms of waiting for idle). */
export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      // Safari has no requestIdleCallback: https://caniuse.com/requestidlecallback
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
      else setTimeout(resolve, 50);
    };
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  });
}
