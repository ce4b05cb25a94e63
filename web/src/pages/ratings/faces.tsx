import { Button, Input, Space, Tag } from 'antd';
import { BAD_REASONS, LEVEL_LABELS, LEVELS, type Level } from '../../../../shared/ratings/model.ts';

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
export const ReasonPicker = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string | undefined }) => (
  <Space direction="vertical" style={{ width: '100%' }} data-testid="reasons">
    <div>请告诉我们不满意的原因：</div>
    <div className="rating-reasons">
      {BAD_REASONS.map((r) => (
        <Tag.CheckableTag key={r} checked={value === r} onChange={() => onChange(r)}>
          {r}
        </Tag.CheckableTag>
      ))}
    </div>
    <Input.TextArea
      value={BAD_REASONS.includes(value as (typeof BAD_REASONS)[number]) ? '' : value}
      onChange={(e) => onChange(e.target.value)}
      placeholder="或写下您的意见"
      maxLength={300}
      autoSize={{ minRows: 2, maxRows: 4 }}
      aria-label="不满意的原因"
      status={error ? 'error' : undefined}
    />
    {error && (
      <div role="alert" className="ant-form-item-explain-error">
        {error}
      </div>
    )}
  </Space>
);

export const ThankYouButton = ({ onClick, children }: { onClick: () => void; children: string }) => (
  <Button size="large" block onClick={onClick}>
    {children}
  </Button>
);
