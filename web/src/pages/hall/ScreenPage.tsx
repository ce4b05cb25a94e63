import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ScreenCall } from '@shared/hall/responses.ts';
import { hallClient } from './client.ts';
import { useHall } from './queries.ts';
import './hall.css';

/** What the hall hears: "请 A012 号到 3 号窗口办理". */
export const announcement = (c: Pick<ScreenCall, 'number' | 'window'>): string => `请 ${c.number} 号到 ${c.window} 号窗口办理`;

const speak = (text: string): void => {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'zh-CN';
  u.rate = 0.9;
  synth.speak(u);
};

const BASE_MS = 3000;
const MAX_MS = 60_000;

/**
 * 叫号屏 (`/hall/<officeId>/screen`): the hall's TV, full screen, no login. Polls the day's calls
 * (3 s; doubling up to a minute while the network is down, back to 3 s once it answers) and
 * announces each new call or recall once. It runs all day without a reload: one timer, one request
 * at a time, and what it remembers is only the calls on the screen (12).
 */
export default function ScreenPage() {
  const { officeId = '' } = useParams();
  const [calls, setCalls] = useState<ScreenCall[]>([]);
  const name = useHall(officeId).data?.hall.name ?? '';
  const [offline, setOffline] = useState(false);
  // id → how many calls of it were announced; pruned to the calls on screen after every poll
  const announced = useRef(new Map<string, number>());

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ctrl: AbortController | undefined;
    let delay = BASE_MS;
    // what was called before the screen came on is shown, not spoken again (a reload mid-day stays quiet)
    let first = true;
    const tick = async () => {
      ctrl = new AbortController();
      try {
        const r = await hallClient.screen(officeId, ctrl.signal);
        if (stopped) return;
        const seen = announced.current;
        // oldest first, so two calls in one poll are heard in the order they were made
        for (const c of [...r.calls].reverse()) {
          if (!first && (seen.get(c.id) ?? 0) < c.calls) speak(announcement(c));
        }
        first = false;
        announced.current = new Map(r.calls.map((c) => [c.id, Math.max(c.calls, seen.get(c.id) ?? 0)]));
        setCalls(r.calls);
        setOffline(false);
        delay = BASE_MS;
      } catch {
        if (stopped) return;
        setOffline(true);
        delay = Math.min(delay * 2, MAX_MS);
      }
      if (!stopped) timer = setTimeout(() => void tick(), delay);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ctrl?.abort();
    };
  }, [officeId]);

  const [latest, ...rest] = calls;
  return (
    <main className="hall-screen" data-testid="hall-screen">
      <h1>{name || '叫号信息'}</h1>
      {latest ? (
        <div className="latest" data-testid="screen-latest" aria-live="assertive">
          {announcement(latest)}
        </div>
      ) : (
        <div className="latest">请取号等候</div>
      )}
      <table>
        <thead>
          <tr>
            <th>号码</th>
            <th>窗口</th>
          </tr>
        </thead>
        <tbody>
          {rest.slice(0, 8).map((c) => (
            <tr key={c.id}>
              <td>{c.number}</td>
              <td>{c.window} 号窗口</td>
            </tr>
          ))}
        </tbody>
      </table>
      {offline && <p style={{ fontSize: 24, color: '#ffb4a2' }}>网络连接中断，正在重试…</p>}
    </main>
  );
}
