/** Runtime config (`/config.json`), written by the stack at deploy time; not baked into the build. */
export interface RuntimeConfig {
  apiBaseUrl: string;
  countyCode: string;
  countyName: string;
  demo?: boolean;
  /**
   * 'hash' where the host can't send every app path to index.html (CloudFront in China has no
   * CloudFront Functions): pages live at /#/status/… and the server only ever serves real files.
   */
  routing?: 'path' | 'hash';
  /** The service center on the citizens' front door; without it the page shows a sample labelled 示例. */
  /** 复议机关 and court named on the 不予受理通知书 (county config `legal`; defaults in shared legalBodiesOf()). */
  legal?: { reviewBody?: string; court?: string };
  center?: { name: string; address: string; hours: string; phones: Array<{ label: string; number: string }> };
}

let config: RuntimeConfig = { apiBaseUrl: '', countyCode: '', countyName: '' };

export const loadConfig = async (): Promise<RuntimeConfig> => {
  try {
    const res = await fetch('/config.json', { cache: 'no-cache' });
    if (res.ok) config = { ...config, ...((await res.json()) as Partial<RuntimeConfig>) };
  } catch {
    // keep defaults: same-origin API
  }
  return config;
};

export const runtimeConfig = (): RuntimeConfig => config;

/** An absolute link to a page of the app (QR codes, printed guides), as this deployment routes it. */
export const appUrl = (path: string): string => `${window.location.origin}${config.routing === 'hash' ? '/#' : ''}${path}`;
