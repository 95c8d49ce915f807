import { describe, expect, it } from 'vitest';
import { isMobile, parseContact } from './contact.js';

describe('contact', () => {
  it('reads a 手机号 typed with spaces, dashes or +86', () => {
    expect(parseContact('138 0013 8000')).toEqual({ phone: '13800138000' });
    expect(parseContact('+86 138-0013-8000')).toEqual({ phone: '13800138000' });
    expect(isMobile('12800138000')).toBe(false);
  });

  it('reads an e-mail, lower-cased', () => {
    expect(parseContact(' Wang@Bureau.example ')).toEqual({ email: 'wang@bureau.example' });
  });

  it('refuses what is neither', () => {
    expect(parseContact('wang@')).toBe(null);
    expect(parseContact('1380013')).toBe(null);
    expect(parseContact('')).toBe(null);
  });
});
