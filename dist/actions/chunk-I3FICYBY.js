import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/util/secrets.ts
function basicAuth(token) {
  return Buffer.from(`x-access-token:${token}`).toString("base64");
}
function tokenForms(token) {
  if (!token) return [];
  return [token, basicAuth(token), Buffer.from(token).toString("base64")];
}
function scrubText(text, secrets) {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}
function scrubError(err, secrets) {
  if (secrets.length === 0 || !(err instanceof Error)) return err;
  err.message = scrubText(err.message, secrets);
  if (err.stack) err.stack = scrubText(err.stack, secrets);
  const response = err.response;
  if (response && response.data !== void 0) {
    response.data = typeof response.data === "string" ? scrubText(response.data, secrets) : JSON.parse(scrubText(JSON.stringify(response.data), secrets));
  }
  return err;
}

export {
  basicAuth,
  tokenForms,
  scrubError
};
