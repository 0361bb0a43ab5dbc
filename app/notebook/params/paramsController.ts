// The parameters panel's behaviour: the draft, applying a network (kernel, URL hash, re-runs), the hash as input.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { originalNet } from '../../core/netspec';
import type { NetSpec } from '../../core/types';
import type { KernelHost } from '../../kernel/protocol';
import type { NotebookEvent, NotebookState } from '../notebookState';
import { draftFromNet, paramsReducer, readDraft, type DraftReading, type ParamsAction, type ParamsDraft } from './paramsDraft';
import { rerunAfterChange, trackRuns, type RerunReport } from './paramsDeps';
import { slowDenseWarning } from './paramsField';
import { hashFor, hashWithoutNetwork, networkFromHash, networkOf, sameNet, type HashNetwork, type LinkNetwork } from './paramsHash';
import type { Runner } from '../runner';
import type { Store } from '../store';

/** Typing settles this long before the network is applied (and cells re-run). */
export const applyDelayMs = 400;

/** What the panel says about the URL hash: a bad network (kept visible until fixed) or keys it filled in. */
export type HashNotice = { kind: 'bad'; problems: string[]; hash: string } | { kind: 'filled'; given: string[] } | null;

export interface ParamsController {
  draft: ParamsDraft;
  reading: DraftReading;
  /** The network the kernel has now. */
  applied: NetSpec;
  /** The draft is valid and differs from `applied`: it will be applied when typing settles. */
  pending: boolean;
  report: RerunReport | null;
  hashNotice: HashNotice;
  /** The page was opened with a network in its link (good or bad). */
  fromLink: boolean;
  dispatch(action: ParamsAction): void;
  /** Applies the draft now (Enter in a field), without waiting for typing to settle. */
  applyNow(): void;
  resetToOriginal(): void;
  /** "Use the original network": the notebook already does; this takes the bad network out of the URL. */
  useOriginal(): void;
  dismissHashNotice(): void;
}

function hashNoticeOf(read: HashNetwork, hash: string): HashNotice {
  if (read.kind === 'bad') return { kind: 'bad', problems: read.problems, hash };
  if (read.kind === 'ok' && read.missing.length > 0) return { kind: 'filled', given: read.given };
  return null;
}

function writeHash(hash: string): void {
  if (hash === window.location.hash || (hash === '' && window.location.hash === '')) return;
  window.history.replaceState(window.history.state, '', hash === '' ? window.location.pathname + window.location.search : hash);
}

/**
 * `link`: the page's hash as main.tsx read it at start; the kernel (`host`) was started with its
 * network, so nothing is sent until the network changes.
 */
export function useParamsController(
  host: KernelHost | null,
  store: Store<NotebookState, NotebookEvent>,
  runner: Runner | null,
  link: LinkNetwork,
): ParamsController {
  const [initial] = useState(() => ({ spec: networkOf(link.network), notice: hashNoticeOf(link.network, link.hash), fromLink: link.network.kind !== 'none' }));
  const [draft, dispatch] = useReducer(paramsReducer, initial.spec, draftFromNet);
  const [applied, setApplied] = useState<NetSpec>(initial.spec);
  const [hashNotice, setHashNotice] = useState<HashNotice>(initial.notice);
  const [report, setReport] = useState<RerunReport | null>(null);
  const appliedRef = useRef(applied);
  const reading = useMemo(() => readDraft(draft), [draft]);

  // Made in an effect, not a memo: StrictMode's trial unmount would dispose a memoised one for good.
  const ranRef = useRef<() => ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    const tracker = trackRuns(store);
    ranRef.current = tracker.ran;
    return tracker.dispose;
  }, [store]);

  const rerunDependents = useCallback(
    async (spec: NetSpec): Promise<void> => {
      if (!runner) return;
      const { analyseCells } = await import('./paramsAnalysis');
      const report = await rerunAfterChange({
        runner,
        store,
        ran: () => ranRef.current(),
        analyse: analyseCells,
        holdAll: slowDenseWarning(spec.widths) !== null,
        stillCurrent: () => appliedRef.current === spec,
      });
      if (report) setReport(report);
    },
    [runner, store],
  );

  /** Gives the kernel a network, writes it into the URL (unless told not to) and re-runs what depends on it. */
  const apply = useCallback(
    (spec: NetSpec, options: { writeUrl: boolean } = { writeUrl: true }): void => {
      if (options.writeUrl) writeHash(hashFor(spec, window.location.hash));
      if (sameNet(spec, appliedRef.current)) return;
      appliedRef.current = spec;
      setApplied(spec);
      host?.setParams(spec);
      void rerunDependents(spec);
    },
    [host, rerunDependents],
  );

  const ready = reading.spec !== null && reading.lossProblem === null ? reading.spec : null;
  const pending = ready !== null && !sameNet(ready, applied);

  useEffect(() => {
    if (!pending || !ready) return;
    const timer = window.setTimeout(() => {
      setHashNotice(null);
      apply(ready);
    }, applyDelayMs);
    return () => window.clearTimeout(timer);
  }, [pending, ready, apply]);

  // A student editing the address bar: the new hash is read like the page's first one.
  useEffect(() => {
    const onHashChange = (): void => {
      const read = networkFromHash(window.location.hash);
      const spec = networkOf(read);
      setHashNotice(hashNoticeOf(read, window.location.hash));
      if (!sameNet(spec, appliedRef.current)) dispatch({ type: 'load', spec });
      apply(spec, { writeUrl: false });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [apply]);

  return {
    draft,
    reading,
    applied,
    pending,
    report,
    hashNotice,
    fromLink: initial.fromLink,
    dispatch,
    applyNow: () => {
      if (ready) apply(ready);
    },
    resetToOriginal: () => {
      const spec = originalNet();
      dispatch({ type: 'load', spec });
      setHashNotice(null);
      apply(spec);
    },
    useOriginal: () => {
      writeHash(hashWithoutNetwork(window.location.hash));
      setHashNotice(null);
    },
    dismissHashNotice: () => setHashNotice(null),
  };
}
