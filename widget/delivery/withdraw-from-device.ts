import { debugLog } from '../core/debug-log.ts';

/**
 * The learner withdraws: erases their responses still queued on this device, and any
 * the collector refused. On a shared computer another learner's answers may be queued
 * too, so a known learner erases only their own; with no learnerRef, everything goes.
 * IndexedDB belongs to the host's origin, so "everything" is only ever this site's queue.
 */
export async function withdrawFromDevice(learnerRefs: readonly string[]): Promise<number> {
  const { eraseQueued } = await import('../../worker/storage/erase-queued.ts');
  let erased = learnerRefs.length ? 0 : await eraseQueued();
  for (const learnerRef of new Set(learnerRefs)) erased += await eraseQueued({ learnerRef });
  debugLog('withdrawn: erased', erased, 'from this device');
  return erased;
}
