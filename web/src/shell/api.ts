import type { FormInstance } from 'antd';
import type { FieldIssue } from '@shared/errors/domain-errors.ts';
import { runtimeConfig } from './config.ts';

/** The API's error envelope, as a typed error whose Chinese message is shown to the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'bianmin.token';
export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (t: string | null): void => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY));
export const authHeaders = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};
export const apiUrl = (path: string): string => `${runtimeConfig().apiBaseUrl}${path}`;

let onUnauthenticated: () => void = () => undefined;
export const setUnauthenticatedHandler = (fn: () => void): void => {
  onUnauthenticated = fn;
};

/** 401s that belong to the login form itself, not an expired session. */
const LOGIN_CODES = new Set(['INVALID_CREDENTIALS', 'TOTP_REQUIRED', 'INVALID_TOTP']);

/** What a status means when the body says nothing we can read (a proxy's HTML page, an empty 502). */
const statusText = (status: number): string => {
  if (status === 413) return `提交的内容过大（${status}）`;
  if (status === 429) return `请求过于频繁，请稍后再试（${status}）`;
  if (status === 502 || status === 503 || status === 504) return `服务暂时不可用，请稍后重试（${status}）`;
  if (status >= 500) return `服务器出错，请稍后重试（${status}）`;
  return `请求失败（${status}）`;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

type Envelope = { code?: unknown; message?: unknown; fields?: unknown } & Record<string, unknown>;

/**
 * The error of a failed response. Only our own JSON envelope is trusted for a message; anything
 * else (an HTML 502 from a gateway, plain text) becomes a Chinese message with the status.
 */
export const errorOf = (status: number, text: string): ApiError => {
  const body = parseJson(text) as { error?: Envelope } | undefined;
  const e = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : undefined;
  if (!e || typeof e.message !== 'string') return new ApiError(status, 'HTTP_ERROR', statusText(status));
  const fields = Array.isArray(e.fields) ? (e.fields as FieldIssue[]).filter((f) => f && typeof f.path === 'string' && typeof f.message === 'string') : [];
  return new ApiError(status, typeof e.code === 'string' ? e.code : 'ERROR', e.message, fields, e);
};

export const networkError = (): ApiError => new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
/** A success status whose body is not JSON, e.g. the web's index.html answering a path the API does not have. */
export const badResponse = (status: number): ApiError => new ApiError(status, 'BAD_RESPONSE', `服务器返回了无法识别的内容（${status}），请稍后重试`);

const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/** Fetches an API path with the session token; a failure is always an ApiError (or the caller's abort). */
const send = async (path: string, init: RequestInit & { json?: unknown }): Promise<Response> => {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(authHeaders())) h.set(k, v);
  if (json !== undefined) h.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(apiUrl(path), { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  } catch (e) {
    if (isAbort(e)) throw e; // a cancelled query is not an error to show
    throw networkError();
  }
  if (!res.ok) {
    const err = errorOf(res.status, await res.text().catch(() => ''));
    if (res.status === 401 && !LOGIN_CODES.has(err.code) && h.has('authorization')) onUnauthenticated();
    throw err;
  }
  return res;
};

/** A JSON API call. Pass the query's `signal` so a superseded request is cancelled. */
export const api = async <T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> => {
  const res = await send(path, init);
  const text = await res.text();
  if (!text) return {} as T;
  const body = parseJson(text);
  if (body === undefined) throw badResponse(res.status);
  return body as T;
};

/** Downloads a file the API produces (an export) and hands it to the browser. */
export const download = async (path: string, fallbackName: string): Promise<void> => {
  const res = await send(path, {});
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
};

/** The message to show for any rejection (an ApiError's is already Chinese). */
export const errorText = (e: unknown): string => (e instanceof Error && e.message ? e.message : '操作失败，请稍后重试');

/**
 * Puts the API's field errors onto the form fields they name; true only when every one was placed.
 * Prefer `useFormErrors` (shell/form-errors.tsx), which also shows what could not be placed.
 */
export const applyFieldErrors = (form: FormInstance, err: unknown): boolean => {
  if (!(err instanceof ApiError) || !err.fields.length) return false;
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const named = err.fields.map((f) => {
    const p = f.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    for (let n = p.length; n > 0; n--) if (registered.has(p.slice(0, n).join('.'))) return { name: p.slice(0, n), errors: [f.message] };
    return undefined;
  });
  form.setFields(named.filter((x) => x !== undefined));
  return named.every((x) => x !== undefined);
};
