import { useCallback, useState } from 'react';
import { Alert, type FormInstance } from 'antd';
import { ApiError, errorText } from './api.ts';

/**
 * Server field path prefix → form field path (dotted; '' drops the prefix). Longest prefix wins:
 * `{ 'applicant.': '' }` puts `applicant.idNumber` on the `idNumber` field.
 */
export type FieldAliases = Record<string, string>;

type NamePath = (string | number)[];
const key = (p: NamePath): string => p.join('.');
const toNamePath = (dotted: string): NamePath => (dotted ? dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : []);

/** The path after the longest matching alias prefix is replaced. */
export const aliasPath = (path: string, aliases: FieldAliases = {}): string => {
  const hit = Object.keys(aliases)
    .filter((k) => path === k || path.startsWith(k.endsWith('.') ? k : `${k}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (hit === undefined) return path;
  const rest = path.slice(hit.length).replace(/^\./, '');
  const to = aliases[hit] ?? '';
  return [to, rest].filter(Boolean).join('.');
};

/**
 * The registered form field a server path lands on: the aliased path, else its nearest registered
 * parent (`holidays.3` → the `holidays` text area, `materialsReceived.1` → `materialsReceived`).
 */
export const placeField = (path: string, registered: ReadonlySet<string>, aliases?: FieldAliases): NamePath | undefined => {
  const p = toNamePath(aliasPath(path, aliases));
  for (let n = p.length; n > 0; n--) if (registered.has(key(p.slice(0, n)))) return p.slice(0, n);
  return undefined;
};

/**
 * Puts an API error's field messages on the form fields they name and returns what could not be
 * placed (the error's own message when it names no field), for an Alert above the form.
 */
export const showFormErrors = (form: FormInstance, err: unknown, aliases?: FieldAliases): string[] => {
  if (!(err instanceof ApiError) || !err.fields.length) return [errorText(err)];
  const registered = new Set(form.getFieldsError().map((f) => key(f.name)));
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const f of err.fields) {
    const name = placeField(f.path, registered, aliases);
    if (!name) {
      rest.push(f.message);
      continue;
    }
    const at = placed.get(key(name)) ?? { name, errors: [] };
    at.errors.push(f.message);
    placed.set(key(name), at);
  }
  form.setFields([...placed.values()]);
  if (!placed.size && !rest.length) rest.push(err.message);
  return rest;
};

/** A form's error state: `fail(e)` places field errors and keeps the rest for `<alert />`. */
export const useFormErrors = (form: FormInstance, aliases?: FieldAliases) => {
  const [messages, setMessages] = useState<string[]>([]);
  const fail = useCallback((e: unknown) => setMessages(showFormErrors(form, e, aliases)), [form, aliases]);
  const clear = useCallback(() => setMessages([]), []);
  const alert = messages.length ? (
    <Alert
      type="error"
      showIcon
      data-testid="form-error"
      style={{ marginBottom: 16 }}
      message={
        messages.length === 1 ? (
          messages[0]
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )
      }
    />
  ) : null;
  return { fail, clear, alert, messages };
};
