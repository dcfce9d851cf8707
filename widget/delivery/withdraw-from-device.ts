import { debugLog } from '../core/debug-log.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';

/**
 * The learner withdraws, for the surveys configured on the page: erases their responses still queued on this device, and any
 * the collector refused. On a shared computer another learner's answers may be queued
 * too, so a known learner erases only their own; with no learnerRef, everything goes.
 * IndexedDB belongs to the host's origin, so "everything" is only ever this site's queue.
 * The drafts of personal links (worker/storage/drafts.ts) are erased alike: those of the given links, or all.
 */
export async function withdrawFromDevice(
  configured: readonly Pick<EmbedOptions, 'learnerRef' | 'link'>[],
): Promise<number> {
  const learnerRefs = configured.flatMap((o) => o.learnerRef ?? []);
  const links = configured.flatMap((o) => o.link ?? []);
  const [{ eraseQueued }, { eraseDrafts }] = await Promise.all([
    import('../../worker/storage/erase-queued.ts'),
    import('../../worker/storage/drafts.ts'),
  ]);
  let erased = learnerRefs.length ? 0 : await eraseQueued();
  for (const learnerRef of new Set(learnerRefs)) erased += await eraseQueued({ learnerRef });
  // A personal link's unfinished answers go too (they are no response yet, so not counted); on the link page the
  // queue has no learnerRef to tell learners apart, so everything queued there went above.
  await eraseDrafts(learnerRefs.length || links.length ? links : undefined);
  debugLog('withdrawn: erased', erased, 'from this device');
  return erased;
}
