import { BAD_REASONS, LEVEL_LABELS, LEVELS, type Level } from '@shared/ratings/levels.ts';
import '../../light/light.css';

/**
 * The faces and the 差评 reasons, in plain React: the public rating page (a phone, from the
 * receipt's QR) and the window's evaluator tablet share them, and neither needs antd for it.
 */

/** Five faces, 非常满意 first: big enough for a thumb and for 长者版. */
const FACES: Record<Level, string> = { 5: '😄', 4: '🙂', 3: '😐', 2: '🙁', 1: '😣' };

export const FacePicker = ({ value, onChange, disabled }: { value?: Level | undefined; onChange: (l: Level) => void; disabled?: boolean }) => (
  <div className="rating-faces" role="radiogroup" aria-label="评价等级">
    {LEVELS.map((l) => (
      <button
        key={l}
        type="button"
        role="radio"
        aria-checked={value === l}
        aria-label={LEVEL_LABELS[l]}
        disabled={disabled}
        className={`rating-face${value === l ? ' selected' : ''}${l <= 2 ? ' bad' : ''}`}
        onClick={() => onChange(l)}
      >
        <span className="face" aria-hidden>
          {FACES[l]}
        </span>
        <span className="label">{LEVEL_LABELS[l]}</span>
      </button>
    ))}
  </div>
);

/** 差评 reasons: a tap on a common one, or the citizen's own words. */
export const ReasonPicker = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string | undefined }) => {
  const picked = BAD_REASONS.includes(value as (typeof BAD_REASONS)[number]);
  return (
    <div className="rating-reason-box" data-testid="reasons">
      <div id="rating-reasons-label">请告诉我们不满意的原因：</div>
      <div className="rating-reasons" role="radiogroup" aria-labelledby="rating-reasons-label">
        {BAD_REASONS.map((r) => (
          <button key={r} type="button" role="radio" aria-checked={value === r} className="plain-checkable" onClick={() => onChange(r)}>
            {r}
          </button>
        ))}
      </div>
      <textarea
        className="plain-textarea"
        value={picked ? '' : value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="或写下您的意见"
        maxLength={300}
        rows={2}
        aria-label="不满意的原因"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'rating-reason-error' : undefined}
      />
      {error && (
        <div role="alert" id="rating-reason-error" className="plain-field-error">
          {error}
        </div>
      )}
    </div>
  );
};
