import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { reportUnclicked, useSuggestions, type Hint } from './catalog-client.ts';

/** A query whose results stood this long was read: leaving it without a click counts as not found. */
const READ_MS = 4000;

/** 您可能要找: completions under the box while typing (click one to search it). */
export function Suggestions({ text, onPick }: { text: string; onPick: (q: string) => void }) {
  const { data } = useSuggestions(text);
  const list = (data?.suggestions ?? []).filter((h) => h.text !== text.trim()).slice(0, 6);
  if (!text.trim() || list.length === 0) return null;
  return (
    <nav className="catalog-suggest" aria-label="输入提示">
      <span className="catalog-suggest-label">您可能要找：</span>
      {list.map((h) => (
        <button key={`${h.kind}-${h.text}`} type="button" className="catalog-suggest-chip" onClick={() => onPick(h.text)}>
          {h.text}
        </button>
      ))}
    </nav>
  );
}

/** 你是不是要找…: when nothing matched, the items nearest to what was typed. */
export function DidYouMean({ hints }: { hints: Hint[] | undefined }) {
  if (!hints?.length) return null;
  return (
    <p className="catalog-dym" data-testid="did-you-mean">
      你是不是要找：
      {hints.map((h, i) => (
        <span key={h.code}>
          {i > 0 && '、'}
          <Link to={`/items/${encodeURIComponent(h.code)}`}>{h.name}</Link>
        </span>
      ))}
    </p>
  );
}

/**
 * Watches the query on screen: when one with results stood long enough to be read and is then left
 * (another query, another page) without a click on a result, it is reported as not found.
 */
export const useUnclickedReport = (q: string, total: number | undefined): { clicked: () => void } => {
  const shown = useRef<{ q: string; since: number; clicked: boolean } | undefined>(undefined);
  useEffect(() => {
    const leave = () => {
      const s = shown.current;
      if (s && !s.clicked && Date.now() - s.since >= READ_MS) reportUnclicked(s.q);
      shown.current = undefined;
    };
    if (q && total && total > 0) shown.current = { q, since: Date.now(), clicked: false };
    return leave;
  }, [q, total]);
  return {
    clicked: () => {
      if (shown.current) shown.current.clicked = true;
    },
  };
};
