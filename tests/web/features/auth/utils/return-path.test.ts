import { describe, expect, it } from 'vitest';
import { isSessionEndedState, safeReturnPath, signInPath } from '../../../../../web/src/features/auth/utils/return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['/admin/users?role=chair&page=2', '/admin/users?role=chair&page=2'],
    ['/admin/audit#top', '/admin/audit#top'],
  ])('keeps the path on this site %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'admin/users',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/\t/evil.example/',
    'javascript:alert(1)',
    '/sign-in',
    '/sign-in?returnTo=/admin',
  ])('sends %j home instead', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries the page to return to, encoded', () => {
    expect(signInPath('/admin/users?role=chair')).toBe('/sign-in?returnTo=%2Fadmin%2Fusers%3Frole%3Dchair');
  });

  it('leaves out a return to the home page or to another site', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});

describe('isSessionEndedState', () => {
  it('only recognises the state the guard sets', () => {
    expect(isSessionEndedState({ sessionEnded: true })).toBe(true);
    expect(isSessionEndedState({ sessionEnded: 'yes' })).toBe(false);
    expect(isSessionEndedState(null)).toBe(false);
  });
});
