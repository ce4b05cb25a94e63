/** Runtime config (`/config.json`), written by the stack at deploy time; not baked into the build. */
export interface RuntimeConfig {
  apiBaseUrl: string;
  countyCode: string;
  countyName: string;
  demo?: boolean;
  /** The service center on the citizens' front door; without it the page shows a sample labelled 示例. */
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
