import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  createGitHubClient,
  parseRepo
} from "./chunk-P3KYZO3W.js";
import {
  fitToLimit
} from "./chunk-MHD452QX.js";
import {
  booleanInput,
  choiceInput,
  input,
  numberInput,
  optionalInput,
  optionalSecretInput
} from "./chunk-JQVGLAA4.js";
import {
  info
} from "./chunk-3WIH4RIN.js";
import {
  MlopsError
} from "./chunk-5MKGLQLX.js";

// src/github/alert-inputs.ts
function dispatchInput(env) {
  const kind = choiceInput("dispatch", ["none", "repository", "workflow"], "none");
  if (kind === "repository") return { kind: "repository", eventType: input("event-type", "mlops-retrain") };
  if (kind === "workflow") return { kind: "workflow", workflow: input("workflow"), ref: optionalInput("workflow-ref") ?? env.GITHUB_REF_NAME ?? "main" };
  return null;
}
function modelNameInput(name, reference, env) {
  return optionalInput(name) ?? /^registry:([^#@]+)/.exec(reference)?.[1] ?? ((env.GITHUB_REPOSITORY ?? "").split("/")[1] || "model");
}
function runUrl(env) {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
}
function readAlertSettings(env) {
  return {
    openIssue: booleanInput("open-issue", true),
    dispatch: dispatchInput(env),
    cooldownHours: numberInput("cooldown-hours", { min: 0 }),
    token: optionalSecretInput("token")
  };
}
async function alertOnGitHub(env, settings, options, send) {
  const { openIssue, dispatch } = settings;
  if (!openIssue && !(dispatch && options.failing)) return { issueNumber: "", dispatched: false };
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!repository.includes("/")) throw new MlopsError("GITHUB_REPOSITORY is not set: run inside GitHub Actions, or set open-issue: false and dispatch: none");
  if (!settings.token) throw new MlopsError('input "token" is required');
  const outcome = await send({
    client: createGitHubClient({ token: settings.token, baseUrl: env.GITHUB_API_URL }),
    repo: parseRepo(repository),
    now: () => /* @__PURE__ */ new Date(),
    openIssue,
    dispatch,
    cooldownHours: settings.cooldownHours,
    runUrl: runUrl(env)
  });
  if (outcome.issue) info(`${options.check} issue #${outcome.issue.number}: ${outcome.issue.action}`);
  if (outcome.dispatch_skipped && options.failing) info(`retraining not dispatched: ${outcome.dispatch_skipped}`);
  return { issueNumber: outcome.issue ? String(outcome.issue.number) : "", dispatched: outcome.dispatched };
}

// src/alerts/dispatch.ts
async function dispatchRetraining(client, repo, target, payload) {
  const { route, body } = dispatchRequest(target, payload);
  await client.request(route, { ...repo, ...body });
}
function dispatchRequest(target, payload) {
  if (target.kind === "repository") {
    return { route: "POST /repos/{owner}/{repo}/dispatches", body: { event_type: target.eventType, client_payload: { ...payload } } };
  }
  return {
    route: "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    body: { workflow_id: target.workflow, ref: target.ref, inputs: { model: payload.model, drift_summary: payload.summary.slice(0, 1e3) } }
  };
}

// src/alerts/alert-issue.ts
var ALERT_LABEL = "drift";
var DEFAULT_COOLDOWN_HOURS = 24;
async function syncAlertIssue(options) {
  const { client, repo, model, kind, now } = options;
  if (options.state === "unknown") return { issue: null, dispatched: false };
  const label = options.label ?? ALERT_LABEL;
  const openIssue = options.openIssue ?? true;
  const existing = openIssue || options.dispatch ? await findAlertIssue(client, repo, kind, model, label) : null;
  const footer = options.runUrl ? `

[Workflow run](${options.runUrl})` : "";
  if (options.state === "clear") {
    if (!existing || !openIssue) return { issue: null, dispatched: false };
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repo,
      issue_number: existing.number,
      body: fitToLimit(`${options.cleared}

${options.markdown}${footer}`)
    });
    await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...repo,
      issue_number: existing.number,
      state: "closed",
      state_reason: "completed"
    });
    return { issue: { number: existing.number, action: "closed" }, dispatched: false };
  }
  const cooldownHours = options.cooldownHours ?? DEFAULT_COOLDOWN_HOURS;
  const last = existing ? lastDispatch(kind, existing.body) : null;
  let dispatched = false;
  let dispatchSkipped;
  if (!options.dispatch) dispatchSkipped = "no retraining dispatch configured";
  else if (last && now().getTime() - last.getTime() < cooldownHours * 36e5) {
    dispatchSkipped = `retraining was dispatched at ${last.toISOString()}, within the ${cooldownHours} h cooldown`;
  } else {
    await dispatchRetraining(client, repo, options.dispatch, options.payload(existing?.number ?? null));
    dispatched = true;
  }
  const dispatchedAt = dispatched ? now() : last;
  const skipped = dispatchSkipped ? { dispatch_skipped: dispatchSkipped } : {};
  if (!openIssue) return { issue: null, dispatched, ...skipped };
  if (!existing) {
    const created = await client.request("POST /repos/{owner}/{repo}/issues", {
      ...repo,
      ...newAlertIssue(kind, model, options.markdown + footer, dispatchedAt, label)
    });
    return { issue: { number: created.data.number, action: "created" }, dispatched, ...skipped };
  }
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: existing.number,
    body: fitToLimit(
      `${kind.persists}${dispatched ? "; retraining dispatched again" : dispatchSkipped ? ` (${dispatchSkipped})` : ""}.

${options.markdown}${footer}`
    )
  });
  if (dispatched) {
    await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...repo,
      issue_number: existing.number,
      body: setDispatchMarker(kind, existing.body, dispatchedAt)
    });
  }
  return { issue: { number: existing.number, action: "commented" }, dispatched, ...skipped };
}
function alertMarker(kind, model) {
  return `<!-- ${kind.marker} model=${JSON.stringify(model)} -->`;
}
function newAlertIssue(kind, model, markdown, dispatchedAt, label = ALERT_LABEL) {
  const markers = alertMarker(kind, model) + (dispatchedAt ? `
${dispatchMarker(kind, dispatchedAt)}` : "");
  return { title: kind.title(model), labels: [label], body: fitToLimit(`${markers}
${markdown}`) };
}
function dispatchMarker(kind, at) {
  return `<!-- ${kind.marker}-dispatched-at=${at.toISOString()} -->`;
}
function dispatchPattern(kind) {
  return new RegExp(`<!-- ${kind.marker}-dispatched-at=([0-9T:.\\-Z]+) -->`);
}
function setDispatchMarker(kind, body, at) {
  const pattern = dispatchPattern(kind);
  return pattern.test(body) ? body.replace(pattern, dispatchMarker(kind, at)) : `${dispatchMarker(kind, at)}
${body}`;
}
function lastDispatch(kind, body) {
  const m = dispatchPattern(kind).exec(body);
  if (!m) return null;
  const t = new Date(m[1]);
  return Number.isNaN(t.getTime()) ? null : t;
}
async function findAlertIssue(client, repo, kind, model, label) {
  const marker = alertMarker(kind, model);
  const issues = await client.paginate("GET /repos/{owner}/{repo}/issues", { ...repo, state: "open", labels: label, per_page: 100 });
  const found = issues.find((i) => !i.pull_request && (i.body ?? "").includes(marker));
  return found ? { number: found.number, body: found.body ?? "" } : null;
}

export {
  syncAlertIssue,
  modelNameInput,
  readAlertSettings,
  alertOnGitHub
};
