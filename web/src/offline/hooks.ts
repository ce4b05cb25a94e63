import { useCallback, useEffect, useState } from 'react';
import { hasVault, onVaultChange, unlockedKey } from './vault.ts';
import { listOutbox, onOutboxChange, pruneSynced, type OutboxView } from './outbox.ts';
import { sending, syncOutbox } from './sync.ts';

/** Whether this agent has a PIN on this device and whether the outbox is open right now. */
export const useVault = (userId: string | undefined) => {
  const [state, setState] = useState<{ exists?: boolean; key: CryptoKey | null }>({ key: null });
  useEffect(() => {
    if (!userId) return;
    const read = () => void hasVault(userId).then((exists) => setState({ exists, key: unlockedKey(userId) }));
    read();
    return onVaultChange(read);
  }, [userId]);
  return state;
};

/** The agent's outbox, kept current; `sending` marks the items on their way right now. */
export const useOutbox = (userId: string | undefined, key: CryptoKey | null) => {
  const [items, setItems] = useState<OutboxView[]>([]);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!userId || !key) return setItems([]);
    let live = true;
    const read = () =>
      void listOutbox(userId, key).then((list) => {
        if (!live) return;
        setItems(list);
        setBusy(new Set(sending));
      });
    read();
    const off = onOutboxChange(read);
    return () => {
      live = false;
      off();
    };
  }, [userId, key]);
  return { items, busy, open: items.filter((i) => i.state !== 'synced').length };
};

/**
 * Sends by itself while the outbox is open: at once, when the browser says a link is up (a hint only:
 * each round probes /api/health first), and every 10 s.
 */
export const useAutoSync = (userId: string | undefined, key: CryptoKey | null) => {
  const run = useCallback(() => (userId && key ? syncOutbox(userId, key) : Promise.resolve()), [userId, key]);
  useEffect(() => {
    if (!userId || !key) return;
    void pruneSynced(userId).then(run);
    const timer = setInterval(() => void run(), 10_000);
    const online = () => void run();
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [userId, key, run]);
  return run;
};
