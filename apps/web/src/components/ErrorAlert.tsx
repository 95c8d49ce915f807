import type { FormInstance } from 'antd';
import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError, errorDetail, fieldLabel, fieldPath, translateFieldMessage } from '../api/errors.js';

/** An error as the user reads it: what happened, the API's words, and field errors not shown on a field. */
export function ErrorAlert({
  error,
  fieldsShown = false,
  style,
  titles,
  scrollIntoView = false,
}: {
  error: unknown;
  fieldsShown?: boolean;
  /** Brings the alert into view when an error arrives (a phone scrolled down to the submit button). */
  scrollIntoView?: boolean;
  style?: React.CSSProperties;
  /** Headlines for particular statuses on this screen, e.g. { 401: 'wrong e-mail or password' }. */
  titles?: Partial<Record<number, string>>;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scrollIntoView && error) box.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [error, scrollIntoView]);
  if (!error) return null;
  const special = error instanceof ApiError ? titles?.[error.status] : undefined;
  const detail = special ? undefined : errorDetail(error, t);
  const fields = error instanceof ApiError && !fieldsShown ? error.fieldErrors : [];
  return (
    <div ref={box}>
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ marginBottom: 16, ...style }}
        title={special ?? describeError(error, t)}
        description={
          detail || fields.length ? (
            <>
              {detail && <div>{detail}</div>}
              {fields.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {fields.map((f) => (
                    <li key={f.field + f.message}>
                      {fieldLabel(f.field, t)}：{translateFieldMessage(f.message, t)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : undefined
        }
      />
    </div>
  );
}

/**
 * Puts the API's field errors next to the form's fields. Returns true when every field error found
 * its field (then the alert above the form need not repeat them).
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  mapField: (field: string) => (string | number)[] = fieldPath,
): boolean {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return false;
  const known = new Set(Object.keys(flatten(form.getFieldsValue(true) as Record<string, unknown>)).map((k) => k));
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  let allPlaced = true;
  for (const fe of error.fieldErrors) {
    const name = mapField(fe.field);
    const id = name.join('.');
    if (!known.has(id)) {
      allPlaced = false;
      continue;
    }
    const entry = byName.get(id) ?? { name, errors: [] };
    entry.errors.push(translateFieldMessage(fe.message, t));
    byName.set(id, entry);
  }
  form.setFields([...byName.values()]);
  return allPlaced;
}

function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  for (const [k, v] of Object.entries(value ?? {})) {
    const id = prefix ? `${prefix}.${k}` : k;
    out[id] = true;
    if (v && typeof v === 'object' && !(v instanceof Blob) && !('$d' in (v as object)))
      flatten(v as Record<string, unknown>, id, out);
  }
  return out;
}
