// class-transformer helpers shared by the DTOs: input strings are trimmed (and e-mails lower-cased)
// before validation, so "  某小学 " and "某小学" are the same name.
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
