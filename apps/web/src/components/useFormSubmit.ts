import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from './ErrorAlert.js';

/**
 * What every form's submit does around its own work: busy while it runs, the previous error cleared, and a
 * refusal shown (its field errors next to their fields, the rest in the form's ErrorAlert).
 * `fieldsPlaced`: every field error found its field, so the alert need not repeat them.
 */
export function useFormSubmit(form: FormInstance, mapField?: (field: string) => (string | number)[]) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldsPlaced, setFieldsPlaced] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setFieldsPlaced(applyFieldErrors(form, err, t, mapField));
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, fieldsPlaced, run };
}
