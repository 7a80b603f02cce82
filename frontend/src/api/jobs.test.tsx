import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { receiveJobEvent, useJob } from './jobs';

describe('useJob', () => {
  it('follows progress and the result of one job', () => {
    const { result } = renderHook(() => useJob<{ orders: number }>('demo-1'));
    expect(result.current.running).toBe(true);
    expect(result.current.progress).toBeNull();

    act(() => receiveJobEvent({ id: 'demo-1', kind: 'demo', progress: { done: 25, total: 100, message: 'orders' }, done: false }));
    act(() => receiveJobEvent({ id: 'other', kind: 'demo', progress: { done: 99, total: 100, message: 'x' }, done: false }));
    expect(result.current.fraction).toBe(0.25);
    expect(result.current.progress?.message).toBe('orders');

    act(() =>
      receiveJobEvent({ id: 'demo-1', kind: 'demo', progress: { done: 100, total: 100, message: '' }, result: { orders: 1000 }, done: true }),
    );
    expect(result.current.running).toBe(false);
    expect(result.current.done).toBe(true);
    expect(result.current.result).toEqual({ orders: 1000 });
    expect(result.current.error).toBeNull();

    // a late throttled progress event does not undo "done"
    act(() => receiveJobEvent({ id: 'demo-1', kind: 'demo', progress: { done: 90, total: 100, message: '' }, done: false }));
    expect(result.current.done).toBe(true);
  });

  it('sees a job that finished before the hook mounted, and normalises its error', () => {
    receiveJobEvent({
      id: 'demo-2',
      kind: 'demo',
      progress: { done: 0, total: 0, message: '' },
      error: '{"code":"invalid","message":"Cancelled; nothing was changed."}',
      done: true,
    });
    const { result } = renderHook(() => useJob('demo-2'));
    expect(result.current.done).toBe(true);
    expect(result.current.result).toBeUndefined();
    expect(result.current.error).toEqual({ code: 'invalid', message: 'Cancelled; nothing was changed.' });
  });

  it('is idle without an id', () => {
    const { result } = renderHook(() => useJob(null));
    expect(result.current.running).toBe(false);
    expect(result.current.done).toBe(false);
  });
});
