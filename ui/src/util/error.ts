/** The words of an error, whatever was thrown: the core's `{code, message}`, an `Error`, or
 * anything else. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
