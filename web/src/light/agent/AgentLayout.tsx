import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useOutletContext } from 'react-router-dom';
import { useSession, type User } from '../../shell/session.tsx';
import { getToken, setToken } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';
import { ElderSwitch, Field, PlainSpin } from '../ui.tsx';
import { lockVault, PinError, unlockVault } from '../../offline/vault.ts';
import { probeHealth } from '../../offline/sync.ts';
import { useAutoSync, useOutbox, useVault } from '../../offline/hooks.ts';
import { refreshSnapshot } from '../../offline/catalog-snapshot.ts';
import '../light.css';
import './agent.css';

export interface AgentContext {
  user: User;
  /** The outbox key: null until the agent typed the PIN on this page (or never set one). */
  outboxKey: CryptoKey | null;
  vaultExists: boolean | undefined;
  syncNow(): Promise<void>;
}
export const useAgent = () => useOutletContext<AgentContext>();

/** The PIN pad of an unlock: six digits, shown as dots. */
const PinInput = ({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) => (
  <input
    id={id}
    className="plain-input"
    type="password"
    inputMode="numeric"
    autoComplete="off"
    maxLength={6}
    value={value}
    onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
  />
);

/** Signed out, or the network down: the agent opens the app with their username and offline PIN. */
const OfflineUnlock = ({ onOpen }: { onOpen: (u: User) => void }) => {
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await unlockVault({ username: username.trim() }, pin);
      if (!getToken()) setToken(s.token);
      onOpen(s.user);
    } catch (err) {
      setError(err instanceof PinError ? err.message : '无法解锁，请联网登录');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="shell-content agent-narrow" data-testid="offline-unlock">
      <h1 className="plain-title">离线解锁</h1>
      <p>网络不通。已在本机设置离线口令的代办员，可输入用户名和离线口令继续工作；记录的代办件联网后自动同步。</p>
      <form onSubmit={(e) => void submit(e)}>
        <Field id="ou-user" label="用户名">
          <input id="ou-user" className="plain-input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field id="ou-pin" label="离线口令" error={error}>
          <PinInput id="ou-pin" value={pin} onChange={setPin} />
        </Field>
        <button type="submit" className="plain-btn primary block" disabled={busy}>
          解锁
        </button>
      </form>
      <p>
        <Link to="/login">联网登录</Link>
      </p>
    </main>
  );
};

/**
 * The village agent's pages, light (plain React + CSS, no antd) and usable offline: the header shows who
 * is signed in and how many actions wait in the outbox; with no network the app opens with the PIN.
 */
export default function AgentLayout() {
  const { user, loading, error, logout, setUser, can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [net, setNet] = useState<'checking' | 'up' | 'down'>('checking');
  const vault = useVault(user?.id);
  const outbox = useOutbox(user?.id, vault.key);
  const syncNow = useAutoSync(user?.id, vault.key);
  const cfg = runtimeConfig();

  // the guides a village station takes in, kept on the phone for a form filled with no signal
  useEffect(() => {
    if (user && !error) void refreshSnapshot().catch(() => undefined);
  }, [user, error]);
  useEffect(() => {
    if (user || loading) return;
    let live = true;
    void probeHealth().then((up) => live && setNet(up ? 'up' : 'down'));
    return () => {
      live = false;
    };
  }, [user, loading]);

  if (loading) return <PlainSpin />;
  if (!user) {
    // a stored session the network cannot confirm, or no session at all while the API is unreachable
    if (error || net === 'down') return <OfflineUnlock onOpen={setUser} />;
    if (net === 'checking') return <PlainSpin />;
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  if (!can('commission.create')) return <Navigate to="/workbench" replace />;
  return (
    <>
      <header className="shell-header no-print">
        <span className="brand">{cfg.countyName} 便民服务</span>
        {cfg.demo && <span className="demo-tag">演示数据</span>}
        <span className="who" data-testid="who">
          <span>{user.officeName}</span>
          <span>{user.displayName}</span>
          <Link to="/agent" className="outbox-count" data-testid="outbox-count" aria-label={`待同步 ${outbox.open} 件`}>
            待同步 {vault.key ? outbox.open : '🔒'}
          </Link>
          <ElderSwitch />
          <button
            type="button"
            className="plain-btn small"
            onClick={() => {
              lockVault();
              void logout().then(() => navigate('/login'));
            }}
          >
            退出
          </button>
        </span>
      </header>
      <nav className="agent-nav no-print" aria-label="代办">
        <Link to="/agent">我的代办</Link>
        <Link to="/agent/new">代办登记</Link>
        <Link to="/workbench">工作台</Link>
      </nav>
      <main className="shell-content agent-narrow">
        <Outlet context={{ user, outboxKey: vault.key, vaultExists: vault.exists, syncNow } satisfies AgentContext} />
      </main>
    </>
  );
}

/** Signed in but the outbox locked (a reload): the PIN opens it again, and the session copy is renewed. */
export const UnlockCard = ({ user }: { user: User }) => {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await unlockVault({ user, token: getToken() ?? '' }, pin);
    } catch (err) {
      setError(err instanceof PinError ? err.message : '无法解锁');
    }
  };
  return (
    <section className="plain-card agent-block" data-testid="outbox-unlock">
      <div className="plain-card-body">
        <form onSubmit={(e) => void submit(e)}>
          <Field id="ul-pin" label="输入离线口令，打开本机待同步的代办件" error={error}>
            <PinInput id="ul-pin" value={pin} onChange={setPin} />
          </Field>
          <button type="submit" className="plain-btn primary">
            解锁
          </button>
        </form>
      </div>
    </section>
  );
};
