/**
 * Every entry point the host can reach runs through here: whatever goes wrong
 * inside the widget becomes one console error, never an exception in the host page.
 */
export function guarded<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
  fallback: NoInfer<Awaited<R>>,
): (...args: A) => R {
  const report = (error: unknown) => {
    console.error(`outcome-survey: ${name}() failed:`, error);
    return fallback;
  };
  return (...args: A): R => {
    try {
      const result = fn(...args);
      return (result instanceof Promise ? result.catch(report) : result) as R;
    } catch (error) {
      return report(error) as R;
    }
  };
}
