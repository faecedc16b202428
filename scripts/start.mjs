// `npm start`: runs the web app and the worker together, prefixes their output, forwards
// signals, and stops both if either exits. (Use `npm run web` / `npm run worker` to run
// them separately, e.g. several workers on other machines.)
import { spawn } from "node:child_process";

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
const processes = [
  { name: "web", args: ["server/index.ts"] },
  { name: "worker", args: ["workers/index.ts"] },
].map(({ name, args }) => {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream, out) => {
    let buffer = "";
    stream.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return { name, child };
});

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const { child } of processes) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 8_000).unref();
  Promise.all(
    processes.map(({ child }) => (child.exitCode !== null ? null : new Promise((r) => child.on("exit", r)))),
  ).then(() => process.exit(code));
}
for (const { name, child } of processes) {
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); stopping the others`);
      stopAll(code || 1);
    }
  });
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
