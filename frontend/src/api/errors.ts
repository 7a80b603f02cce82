// The one place that understands the backend's error contract. Every bound Go
// method that fails rejects with the ErrorFormatter's JSON string
// {"code": ..., "message": ...}; job:done events carry the same string. This
// helper also copes with plain strings, Error objects and the TypeError the
// bindings throw when the page runs outside the Shopclerk window.

export type ErrorCode =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'auth_failed'
  | 'temporary'
  | 'internal'
  | 'unavailable'
  | (string & {});

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

/** An Error that carries the backend's error code; what TanStack Query sees. */
export class AppError extends Error implements AppErrorShape {
  code: ErrorCode;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.code = shape.code;
  }
}

const GENERIC = 'Something went wrong inside Shopclerk. The details were written to its log.';
export const UNAVAILABLE =
  'Shopclerk’s engine is not connected. Open this screen from the Shopclerk app window.';

function fromObject(o: Record<string, unknown>): AppErrorShape | null {
  const message = typeof o.message === 'string' ? o.message.trim() : '';
  const code = typeof o.code === 'string' && o.code ? o.code : 'internal';
  if (!message && typeof o.code !== 'string') return null;
  return { code, message: message || GENERIC };
}

function fromString(s: string): AppErrorShape {
  const t = s.trim();
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (parsed && typeof parsed === 'object') {
        const shape = fromObject(parsed as Record<string, unknown>);
        if (shape) return shape;
      }
    } catch {
      // not JSON after all: show the text as it is
    }
  }
  return { code: 'internal', message: t || GENERIC };
}

// The generated bindings call window.go.app.X.Method(); outside the app window
// (vite dev/preview in a plain browser) that is a TypeError about "go".
function isMissingBackend(e: Error): boolean {
  return (
    e instanceof TypeError &&
    /\b(go|runtime|app)\b|window\.go|undefined is not an object|Cannot read prop/i.test(e.message)
  );
}

/** Normalise anything a call or event may reject with into {code, message}. */
export function normalizeError(e: unknown): AppErrorShape {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  if (typeof e === 'string') return fromString(e);
  if (e instanceof Error) {
    if (isMissingBackend(e)) return { code: 'unavailable', message: UNAVAILABLE };
    return fromString(e.message);
  }
  if (e && typeof e === 'object') {
    const shape = fromObject(e as Record<string, unknown>);
    if (shape) return shape;
  }
  return { code: 'internal', message: GENERIC };
}

/** Like normalizeError, as a throwable AppError. */
export function toAppError(e: unknown): AppError {
  return e instanceof AppError ? e : new AppError(normalizeError(e));
}

/** A short heading for a notification or error panel. */
export function errorTitle(code: ErrorCode): string {
  switch (code) {
    case 'invalid':
      return 'That did not work';
    case 'not_found':
      return 'Not found';
    case 'conflict':
      return 'Already in use';
    case 'auth_failed':
      return 'Sign-in failed';
    case 'temporary':
      return 'Try again in a moment';
    case 'unavailable':
      return 'Not connected';
    default:
      return 'Something went wrong';
  }
}

/** Wraps a binding call so that it always rejects with an AppError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toAppError(e);
  }
}

/**
 * Like call, with a cast: for a binding whose result src/api narrows beyond
 * its generated model (a string union for Go's typed string constants, which
 * Wails generates as plain strings). Use call wherever Plain<model> suffices.
 */
export function callAs<T>(fn: () => Promise<unknown>): Promise<T> {
  return call(() => fn() as Promise<T>);
}
