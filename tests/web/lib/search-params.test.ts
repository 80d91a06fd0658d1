import { AuditQuery, UserQuery } from '@marac/shared';
import { describe, expect, it } from 'vitest';
import { pageFrom, parseSearchParams, toSearchParams, withPage } from '../../../web/src/lib/search-params';

describe('search params', () => {
  it('reads filters with the shared schema and drops values it rejects', () => {
    const params = new URLSearchParams('q=smith&role=wizard&status=active&limit=9999');
    expect(parseSearchParams(UserQuery.pick({ q: true, role: true, status: true }), params)).toEqual({ q: 'smith', status: 'active' });
  });

  it('drops an impossible date but keeps the rest', () => {
    const params = new URLSearchParams('from=2026-02-30&to=2026-03-01&action=view');
    expect(parseSearchParams(AuditQuery.pick({ from: true, to: true, action: true }), params)).toEqual({ to: '2026-03-01', action: 'view' });
  });

  it('reads the page number, falling back to the first page', () => {
    expect(pageFrom(new URLSearchParams('page=3'))).toBe(3);
    expect(pageFrom(new URLSearchParams('page=0'))).toBe(1);
    expect(pageFrom(new URLSearchParams('page=two'))).toBe(1);
    expect(pageFrom(new URLSearchParams(''))).toBe(1);
  });

  it('writes only the filters that have values, and moves between pages keeping them', () => {
    const params = toSearchParams({ q: 'smith', role: undefined, status: '' });
    expect(params.toString()).toBe('q=smith');
    expect(withPage(params, 2)).toBe('?q=smith&page=2');
    expect(withPage(new URLSearchParams('q=smith&page=2'), 1)).toBe('?q=smith');
    expect(withPage(new URLSearchParams(''), 1)).toBe('');
  });
});
