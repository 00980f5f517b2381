import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  createGitHubClient,
  parseRepo,
  secondaryRateLimitWait
} from "./cli-chunk-S7FHVWFQ.js";
import {
  GITHUB_COMMENT_LIMIT,
  fitToLimit
} from "./cli-chunk-5E2F2P2C.js";
import {
  readText
} from "./cli-chunk-E2MBSDJC.js";
import {
  defineCommand
} from "./cli-chunk-BC6VW377.js";
import "./cli-chunk-SRRUYVY4.js";
import {
  MlopsError
} from "./cli-chunk-CRJPICDA.js";
import "./cli-chunk-3D3HMA2K.js";

// src/cli/commands/report.ts
import { resolve } from "node:path";

// src/github-api/comment.ts
import { appendFile } from "node:fs/promises";
function reportMarker(id) {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new MlopsError(`report id "${id}" may only hold letters, digits, ".", "_" and "-"`);
  return `<!-- mlops-report:${id} -->`;
}
function stickyBody(id, markdown, footer = "") {
  const marker = reportMarker(id);
  const tail = footer ? `

${footer}
` : "";
  const report = fitToLimit(markdown, GITHUB_COMMENT_LIMIT - marker.length - 1 - tail.length);
  return `${marker}
${footer ? report.replace(/\n+$/, "") : report}${tail}`;
}
async function upsertStickyComment(client, target, markdown, footer = "") {
  const marker = reportMarker(target.id);
  const body = stickyBody(target.id, markdown, footer);
  const where = { owner: target.owner, repo: target.repo };
  const comments = await client.paginate(client.rest.issues.listComments, { ...where, issue_number: target.issueNumber, per_page: 100 });
  const existing = comments.find((c) => c.body?.startsWith(marker));
  if (existing) {
    const { data: data2 } = await client.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
    return { action: "updated", commentId: data2.id, url: data2.html_url };
  }
  const { data } = await client.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
  return { action: "created", commentId: data.id, url: data.html_url };
}
async function pullRequestOfEvent(client, repo, eventName, payload) {
  if (eventName === "pull_request" || eventName === "pull_request_target") return payload.pull_request?.number;
  if (eventName === "issue_comment") return payload.issue?.pull_request ? payload.issue.number : void 0;
  if (eventName !== "workflow_run") return void 0;
  const run = payload.workflow_run;
  if (!run) return void 0;
  const listed = run.pull_requests?.[0]?.number;
  if (listed) return listed;
  const owner = run.head_repository?.owner?.login;
  if (!owner || !run.head_branch) return void 0;
  const { data } = await client.rest.pulls.list({ ...repo, state: "open", head: `${owner}:${run.head_branch}`, per_page: 10 });
  return data.find((pr) => pr.head.sha === run.head_sha)?.number ?? data[0]?.number;
}
function provenanceFooter(p, now) {
  const parts = [];
  if (p?.sha) parts.push(`commit ${p.commitUrl ? `[\`${p.sha.slice(0, 7)}\`](${p.commitUrl})` : `\`${p.sha.slice(0, 7)}\``}`);
  if (p?.runUrl) parts.push(`workflow run [${p.runLabel ?? "run"}](${p.runUrl})`);
  if (now) parts.push(`updated ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`);
  if (parts.length === 0) return "";
  const text = parts.join(" \xB7 ");
  return `<sub>${p?.sha || p?.runUrl ? `Reflects ${text}` : text[0].toUpperCase() + text.slice(1)}</sub>`;
}
async function publishReport(options) {
  const summary = options.summaryFile !== void 0 && options.summaryFile !== "";
  if (summary) await appendFile(options.summaryFile, fitToLimit(options.markdown, 1024 * 1024 - 1024) + "\n");
  const only = summary ? "the report is in the job summary only" : "no job summary file either (GITHUB_STEP_SUMMARY unset)";
  if (!options.client || !options.repo) return { summary, skipped: `no GitHub token or repository: ${only}` };
  if (!options.pullRequest) return { summary, skipped: `not a pull request run: ${only}` };
  try {
    const footer = provenanceFooter(options.provenance, options.now?.());
    const comment2 = await upsertStickyComment(options.client, { ...options.repo, issueNumber: options.pullRequest, id: options.id }, options.markdown, footer);
    return { comment: comment2, summary };
  } catch (err) {
    const status = err.status;
    if ((status === 403 || status === 404) && secondaryRateLimitWait(err) === void 0) {
      return {
        summary,
        skipped: `no permission to comment on pull request #${options.pullRequest} (HTTP ${status}; a pull request from a fork gets a read-only token): ${only}`
      };
    }
    throw new MlopsError(`commenting on pull request #${options.pullRequest} failed: ${err.message}`, { cause: err });
  }
}

// src/github-api/context.ts
import { readFile } from "node:fs/promises";
function provenanceOf(env, payload = {}) {
  const sha = payload.pull_request?.head?.sha ?? payload.workflow_run?.head_sha ?? (env.GITHUB_SHA || void 0);
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const repo = env.GITHUB_REPOSITORY;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? 1);
  const runUrl = repo && env.GITHUB_RUN_ID ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt > 1 ? `/attempts/${attempt}` : ""}` : void 0;
  if (!sha && !runUrl) return void 0;
  const label = [env.GITHUB_WORKFLOW, env.GITHUB_RUN_NUMBER ? `#${env.GITHUB_RUN_NUMBER}` : void 0].filter(Boolean).join(" ");
  return {
    sha,
    commitUrl: sha && repo ? `${server}/${repo}/commit/${sha}` : void 0,
    runUrl,
    runLabel: runUrl ? `${label || `run ${env.GITHUB_RUN_ID}`}${attempt > 1 ? ` (attempt ${attempt})` : ""}` : void 0
  };
}
async function commentContext(env, overrides) {
  const token = overrides.token ?? env.GITHUB_TOKEN ?? env.GH_TOKEN;
  const slug = overrides.repo ?? env.GITHUB_REPOSITORY;
  let repo;
  if (slug) {
    try {
      repo = parseRepo(slug);
    } catch (err) {
      throw new MlopsError(err.message);
    }
  }
  const client = token ? createGitHubClient({ token, baseUrl: env.GITHUB_API_URL, retries: overrides.retries }) : void 0;
  let pullRequest = overrides.pullRequest;
  let payload = {};
  let unreadable;
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
    } catch (err) {
      unreadable = `${env.GITHUB_EVENT_PATH}: cannot read the event payload (${err.message})`;
    }
  }
  if (pullRequest === void 0 && client && repo && env.GITHUB_EVENT_NAME && env.GITHUB_EVENT_PATH) {
    if (unreadable) throw new MlopsError(unreadable);
    pullRequest = await pullRequestOfEvent(client, repo, env.GITHUB_EVENT_NAME, payload);
  }
  return { client, repo, pullRequest, summaryFile: env.GITHUB_STEP_SUMMARY || void 0, provenance: provenanceOf(env, payload) };
}

// src/cli/commands/report.ts
var comment = defineCommand({
  name: "report comment",
  summary: "publish a Markdown report where reviewers look.",
  usage: ["mlops report comment --file report.md --id evaluate [--pr N] [--repo owner/name]"],
  options: {
    file: { type: "string", value: "FILE", required: true, description: "the Markdown report (e.g. from mlops evaluate --out report.md)" },
    id: { type: "string", value: "ID", required: true, description: "report id: one comment per id and pull request (letters, digits, . _ -)" },
    pr: {
      type: "integer",
      value: "N",
      range: { min: 1 },
      expected: "a pull request number",
      description: "pull request number (default: from the pull_request or workflow_run event)"
    },
    repo: { type: "string", value: "O/N", description: "repository (default: GITHUB_REPOSITORY)" }
  },
  text: `Creates or updates ONE sticky comment per report id on the pull request (a hidden
<!-- mlops-report:ID --> marker finds it again, so reruns update instead of stacking), and
appends the report to the job summary when GITHUB_STEP_SUMMARY is set. Reports over
GitHub's 65,536-character limit are cut with a note.

Environment: GITHUB_TOKEN (or GH_TOKEN) with pull-requests: write, GITHUB_API_URL,
GITHUB_EVENT_NAME/GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY. Without a token, a pull request
or write permission (pull requests from forks get a read-only token) the report goes to the
job summary only and the command says why; that is not an error.`,
  examples: [
    "mlops report comment --file report.md --id evaluate",
    "GITHUB_TOKEN=... mlops report comment --file drift.md --id drift --pr 12 --repo acme/churn"
  ],
  async run(values, io) {
    const markdown = await readText(resolve(io.cwd, values.file));
    const context = await commentContext(io.env, { repo: values.repo, pullRequest: values.pr });
    const result = await publishReport({ ...context, id: values.id, markdown, now: io.now });
    if (result.comment) io.stdout.write(`${result.comment.action} comment ${result.comment.url}
`);
    if (result.skipped) io.stderr.write(`no comment posted: ${result.skipped}
`);
    if (result.summary) io.stderr.write("appended the report to the job summary\n");
    return 0;
  }
});
var reportCommand = {
  name: "report",
  help: comment.help,
  subcommands: [comment],
  async run(argv, io) {
    if (argv[0] !== "comment") throw new MlopsError(`unknown subcommand "${argv[0] ?? ""}": use mlops report comment (see mlops report --help)`);
    return comment.run(argv.slice(1), io);
  }
};
export {
  reportCommand
};
