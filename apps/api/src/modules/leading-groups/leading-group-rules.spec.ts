import { DomainError } from '../../core/errors/domain-errors.js';
import { checkRoster } from './leading-group-rules.js';

const member = (role: 'LEADER' | 'DEPUTY' | 'MEMBER', id?: string) => ({ name: '张华', role, id });

function fieldOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError && Array.isArray(e.details)) return e.details[0]?.field;
    throw e;
  }
  return undefined;
}

describe('leading-group roster', () => {
  it('accepts one leader with any number of deputies and members', () => {
    expect(() => checkRoster([member('LEADER'), member('DEPUTY'), member('DEPUTY'), member('MEMBER')])).not.toThrow();
    expect(() => checkRoster([member('LEADER')])).not.toThrow();
  });

  it('names members when there is no leader (an empty roster included)', () => {
    expect(fieldOf(() => checkRoster([member('DEPUTY'), member('MEMBER')]))).toBe('members');
    expect(fieldOf(() => checkRoster([]))).toBe('members');
  });

  it('names the second leader', () => {
    expect(fieldOf(() => checkRoster([member('MEMBER'), member('LEADER'), member('DEPUTY'), member('LEADER')]))).toBe(
      'members.3.role',
    );
  });

  it('names a repeated member id', () => {
    const id = '0b5d2a4e-5f0c-4a8e-9c1e-2f3a4b5c6d7e';
    expect(fieldOf(() => checkRoster([member('LEADER', id), member('MEMBER', id)]))).toBe('members.1.id');
  });
});
