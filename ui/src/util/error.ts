/**
 * Errors as the window handles them, whatever was thrown: the core's `{code, message}` (see
 * `src-tauri/src/error.rs`), an `Error`, or anything else. The one place that turns a thrown
 * value into an {@link AppError} or into words.
 */

/** An error from the core (`code` is stable and snake_case), or one the UI made. */
export interface AppError {
  code: string;
  message: string;
}

/** `e` as an {@link AppError}; what is not one gets `code` (`ipc` when a call failed, `ui`
 * when the window itself did). */
export function toAppError(e: unknown, code = 'ui'): AppError {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const given = 'code' in e ? String((e as { code: unknown }).code) : code;
    return { code: given, message: String((e as { message: unknown }).message) };
  }
  return { code, message: String(e) };
}

/** The words of an error, for a status line. */
export function errorMessage(e: unknown): string {
  return toAppError(e).message;
}
