// Flow switches that keep up with quick clicks. Each click shows at once and
// stays shown: a refetch that read the list before the click reached the
// backend cannot flip it back. Requests for one flow go one after another,
// so the last click is the one the backend keeps; the list is refetched once
// every switch has settled. A refusal (the flow has problems) moves that
// switch back to what the backend holds.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { notifyError, notifySuccess } from '../../api';
import { automationKeys, automations } from '../../api/automations';

export function useFlowToggles() {
  const qc = useQueryClient();
  const [wanted, setWantedState] = useState<ReadonlyMap<number, boolean>>(new Map());
  const wantedRef = useRef(new Map<number, boolean>());
  const chains = useRef(new Map<number, Promise<void>>());
  const pending = useRef(0);

  const setWanted = useCallback((f: (m: Map<number, boolean>) => void) => {
    const m = new Map(wantedRef.current);
    f(m);
    wantedRef.current = m;
    setWantedState(m);
  }, []);

  const toggle = useCallback(
    (id: number, on: boolean) => {
      setWanted((m) => m.set(id, on));
      void qc.cancelQueries({ queryKey: automationKeys.flows });
      pending.current++;
      const prev = chains.current.get(id) ?? Promise.resolve();
      const next: Promise<void> = prev.then(async () => {
        try {
          await automations.setEnabled(id, on);
          if (chains.current.get(id) === next) notifySuccess(on ? 'On. It shows up in the next preview.' : 'Off. Nothing more from this flow.');
        } catch (e) {
          notifyError(e, 'Could not switch the flow');
          // the backend kept the old state: show it, unless a later click wants something else
          if (wantedRef.current.get(id) === on) setWanted((m) => m.delete(id));
        }
      });
      chains.current.set(id, next);
      void next.finally(async () => {
        if (chains.current.get(id) === next) chains.current.delete(id);
        if (--pending.current > 0) return;
        await qc.invalidateQueries({ queryKey: automationKeys.flows });
        // the list now holds what was clicked; clicks made meanwhile stay shown
        if (pending.current === 0) setWanted((m) => m.clear());
      });
    },
    [qc, setWanted],
  );

  /** What the switch shows: the last click while it is on its way, else the backend's state. */
  const enabled = useCallback((id: number, stored: boolean) => wanted.get(id) ?? stored, [wanted]);
  return { toggle, enabled };
}
