import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { runtimeConfig } from './config.ts';
import { Card, ElderSwitch, Field } from '../light/ui.tsx';

/** Shown when the runtime config names no center: clearly a sample, never taken for the real thing. */
const SAMPLE_CENTER = {
  name: '县政务服务中心',
  address: '县城人民路 1 号（示例）',
  hours: '周一至周五 8:30–12:00，14:30–17:30（法定节假日除外）',
  phones: [
    { label: '咨询电话', number: '0376-0000000' },
    { label: '投诉电话', number: '12345' },
  ],
};

/**
 * 首页 for citizens (no login): 事项查询, 进度查询, 长者版, where and when the center is open,
 * and the way in for staff. Plain React + CSS: the first page a villager's phone loads carries no antd.
 */
export default function FrontDoorPage() {
  const cfg = runtimeConfig();
  const navigate = useNavigate();
  const center = cfg.center ?? SAMPLE_CENTER;
  const sample = !cfg.center || cfg.demo;
  const [q, setQ] = useState('');
  const [number, setNumber] = useState('');
  const [phone4, setPhone4] = useState('');
  const [errors, setErrors] = useState<{ number?: string; phone4?: string }>({});

  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(q.trim() ? `/items?q=${encodeURIComponent(q.trim())}` : '/items');
  };
  const status = (e: FormEvent) => {
    e.preventDefault();
    const errs = {
      ...(number.trim() ? {} : { number: '请填写受理编号' }),
      ...(/^\d{4}$/.test(phone4) ? {} : { phone4: '请填写手机号后四位' }),
    };
    setErrors(errs);
    if (errs.number || errs.phone4) return;
    navigate(`/status/${encodeURIComponent(number.trim())}`, { state: { phone4 } });
  };
  const invalid = (k: 'number' | 'phone4') => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `fd-${k}-error` } : {});

  return (
    <>
      <header className="shell-header">
        <span className="brand">{cfg.countyName} 便民服务</span>
        {cfg.demo && <span className="demo-tag">演示数据</span>}
        <span className="who">
          <ElderSwitch />
          <Link to="/login" className="staff-login">
            工作人员登录
          </Link>
        </span>
      </header>
      <main className="shell-content" data-testid="front-door">
        <h1 className="plain-title">{cfg.countyName} 便民服务</h1>
        <div className="plain-grid">
          <Card title={<h2>事项查询</h2>}>
            <form onSubmit={search}>
              <Field id="fd-q" label="要办什么事（如 身份证、低保、sfz）">
                <input id="fd-q" className="plain-input" value={q} onChange={(e) => setQ(e.target.value)} />
              </Field>
              <div className="plain-row">
                <button type="submit" className="plain-btn primary">
                  查找办事指南
                </button>
                <Link to="/items">全部事项</Link>
              </div>
            </form>
          </Card>
          <Card title={<h2>进度查询</h2>}>
            <form onSubmit={status} noValidate>
              <Field id="fd-number" label="受理编号" error={errors.number}>
                <input
                  id="fd-number"
                  className="plain-input"
                  placeholder="如 411521-20261122-0042"
                  value={number}
                  onChange={(e) => setNumber(e.target.value)}
                  {...invalid('number')}
                />
              </Field>
              <Field id="fd-phone4" label="申请人手机号后四位" error={errors.phone4}>
                <input
                  id="fd-phone4"
                  className="plain-input"
                  maxLength={4}
                  inputMode="numeric"
                  value={phone4}
                  onChange={(e) => setPhone4(e.target.value)}
                  {...invalid('phone4')}
                />
              </Field>
              <button type="submit" className="plain-btn primary">
                查询进度
              </button>
            </form>
          </Card>
          <Card title={<h2>{center.name}</h2>} extra={sample ? <span className="plain-tag sample-tag">示例</span> : undefined} data-testid="center-info">
            <dl className="plain-desc">
              <div>
                <dt>地址</dt>
                <dd>{center.address}</dd>
              </div>
              <div>
                <dt>办公时间</dt>
                <dd>{center.hours}</dd>
              </div>
              {center.phones.map((p) => (
                <div key={p.label}>
                  <dt>{p.label}</dt>
                  <dd>
                    <a href={`tel:${p.number}`}>{p.number}</a>
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </main>
    </>
  );
}
