import type { ReactNode } from 'react';
import './light.css';
import { useElder } from '../shell/elder.tsx';

/**
 * The few controls the light pages need, in plain React + CSS (light.css), so a public or agent page
 * shows before antd could even be downloaded on a village phone. Same roles and labels as antd's.
 */

/** The page is on its way (a CSS ring; no library). */
export const PlainSpin = () => (
  <div className="plain-spin-wrap" data-testid="loading" role="status" aria-label="加载中">
    <span className="plain-spin" />
  </div>
);

/** 长者版 switch: a button with role="switch", like antd's, under the same test id. */
export const ElderSwitch = () => {
  const [elder, setElder] = useElder();
  return (
    <label className="plain-switch-label">
      长者版{' '}
      <button
        type="button"
        role="switch"
        aria-checked={elder}
        aria-label="长者版"
        className={`plain-switch${elder ? ' on' : ''}`}
        data-testid="elder-toggle"
        onClick={() => setElder(!elder)}
      >
        <span className="plain-switch-knob" />
      </button>
    </label>
  );
};

export const Card = ({ title, extra, children, ...rest }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; 'data-testid'?: string }) => (
  <section className="plain-card" {...rest}>
    {(title || extra) && (
      <div className="plain-card-head">
        {title}
        {extra}
      </div>
    )}
    <div className="plain-card-body">{children}</div>
  </section>
);

/** A labelled field with its error under it (aria-invalid + aria-describedby, as antd's Form.Item). */
export const Field = ({ id, label, error, children }: { id: string; label: ReactNode; error?: string | undefined; children: ReactNode }) => (
  <div className={`plain-field${error ? ' has-error' : ''}`}>
    <label htmlFor={id}>{label}</label>
    {children}
    {error && (
      <div className="plain-field-error" id={`${id}-error`} role="alert">
        {error}
      </div>
    )}
  </div>
);
