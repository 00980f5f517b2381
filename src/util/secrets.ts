/** The credential git sends for a GitHub token (what actions/checkout writes to extraheader). */
export function basicAuth(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64');
}

/** Every form in which a token can show up in a header or an error body: raw and as basic auth. */
export function tokenForms(token: string | undefined): string[] {
  if (!token) return [];
  return [token, basicAuth(token), Buffer.from(token).toString('base64')];
}

/** `text` with every occurrence of a secret replaced by `***`, as the Actions log masks them. */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/**
 * Scrubs an error in place before anyone logs or wraps it: its message, stack and, for HTTP
 * errors, the response body an API may have echoed the auth header into.
 */
export function scrubError<E>(err: E, secrets: readonly string[]): E {
  if (secrets.length === 0 || !(err instanceof Error)) return err;
  err.message = scrubText(err.message, secrets);
  if (err.stack) err.stack = scrubText(err.stack, secrets);
  const response = (err as { response?: { data?: unknown } }).response;
  if (response && response.data !== undefined) {
    response.data = typeof response.data === 'string' ? scrubText(response.data, secrets) : JSON.parse(scrubText(JSON.stringify(response.data), secrets));
  }
  return err;
}
