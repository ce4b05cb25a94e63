import type { FormInstance } from 'antd';
import { runtimeConfig } from './config.ts';

/** The API's error envelope, as a typed error whose Chinese message is shown to the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Array<{ path: string; message: string }> = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'bianmin.token';
export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (t: string | null): void => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY));

let onUnauthenticated: () => void = () => undefined;
export const setUnauthenticatedHandler = (fn: () => void): void => {
  onUnauthenticated = fn;
};

export const api = async <T,>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> => {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  const token = getToken();
  if (token) h.set('authorization', `Bearer ${token}`);
  if (json !== undefined) h.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`${runtimeConfig().apiBaseUrl}${path}`, { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) {
    const e = (body.error ?? {}) as { code?: string; message?: string; fields?: Array<{ path: string; message: string }> } & Record<string, unknown>;
    const err = new ApiError(res.status, e.code ?? 'ERROR', e.message ?? `请求失败 (${res.status})`, e.fields ?? [], e);
    if (res.status === 401 && e.code !== 'INVALID_CREDENTIALS' && e.code !== 'TOTP_REQUIRED' && e.code !== 'INVALID_TOTP' && token) onUnauthenticated();
    throw err;
  }
  return body as T;
};

/** Puts the API's field errors onto the antd form fields of the same path. */
export const applyFieldErrors = (form: FormInstance, err: unknown): boolean => {
  if (!(err instanceof ApiError) || !err.fields.length) return false;
  form.setFields(err.fields.map((f) => ({ name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [f.message] })));
  return true;
};
