import { describe, expect, it } from 'vitest';
import { AppError, call, normalizeError, UNAVAILABLE } from './errors';

describe('normalizeError', () => {
  it('parses the ErrorFormatter JSON string', () => {
    expect(normalizeError('{"code":"not_found","message":"order 7 was not found"}')).toEqual({
      code: 'not_found',
      message: 'order 7 was not found',
    });
  });

  it('keeps a plain string as the message', () => {
    expect(normalizeError('the shop database is busy')).toEqual({ code: 'internal', message: 'the shop database is busy' });
  });

  it('reads JSON inside an Error message', () => {
    expect(normalizeError(new Error('{"code":"conflict","message":"Already open"}'))).toEqual({
      code: 'conflict',
      message: 'Already open',
    });
  });

  it('uses a plain Error message', () => {
    expect(normalizeError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
  });

  it('accepts an object with code and message', () => {
    expect(normalizeError({ code: 'temporary', message: 'try again' })).toEqual({ code: 'temporary', message: 'try again' });
  });

  it('defaults a missing code to internal', () => {
    expect(normalizeError('{"message":"no code here"}')).toEqual({ code: 'internal', message: 'no code here' });
  });

  it('survives broken JSON', () => {
    expect(normalizeError('{"code": "invalid", "mess')).toEqual({ code: 'internal', message: '{"code": "invalid", "mess' });
  });

  it('gives a readable message for nothing at all', () => {
    for (const v of [undefined, null, 42, '', {}]) {
      const e = normalizeError(v);
      expect(e.code).toBe('internal');
      expect(e.message).toMatch(/Something went wrong/);
    }
  });

  it('explains a missing backend instead of a TypeError', () => {
    let thrown: unknown;
    try {
      // what the generated bindings do outside the app window
      (window as unknown as { go: { app: unknown } }).go.app;
    } catch (e) {
      thrown = e;
    }
    expect(normalizeError(thrown)).toEqual({ code: 'unavailable', message: UNAVAILABLE });
  });

  it('passes AppError through', () => {
    const e = new AppError({ code: 'auth_failed', message: 'wrong password' });
    expect(normalizeError(e)).toEqual({ code: 'auth_failed', message: 'wrong password' });
  });
});

describe('call', () => {
  it('rejects with an AppError carrying the code', async () => {
    const p = call(() => Promise.reject('{"code":"invalid","message":"unknown filter \\"x\\""}'));
    await expect(p).rejects.toBeInstanceOf(AppError);
    await expect(p).rejects.toMatchObject({ code: 'invalid', message: 'unknown filter "x"' });
  });

  it('resolves with the value', async () => {
    await expect(call(() => Promise.resolve(3))).resolves.toBe(3);
  });
});
