import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The API's minimum (PASSWORD_MIN in the API's auth DTOs). */
export const PASSWORD_MIN = 10;

/** A new password: required, at least PASSWORD_MIN characters, at most 200. */
export function passwordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('fieldError.required') },
    { min: PASSWORD_MIN, message: t('fieldError.minLength', { n: PASSWORD_MIN }) },
    { max: 200, message: t('fieldError.maxLength', { n: 200 }) },
  ];
}

/** "Confirm": the same as the field `of`. */
export function confirmRules(t: TFunction, of: string): FormRule[] {
  return [
    { required: true, message: t('fieldError.required') },
    ({ getFieldValue }) => ({
      validator: async (_, v?: string) => (!v || v === getFieldValue(of) ? undefined : Promise.reject()),
      message: t('fieldError.mismatch'),
    }),
  ];
}
