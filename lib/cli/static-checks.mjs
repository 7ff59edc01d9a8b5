// `npm run check`: the type check and the lint side by side. Each is mostly one thread, so on the
// 2-core CI machine the pair takes about 70 s instead of 95 s one after the other. The output of
// each is held and printed whole when it ends, so a failure reads as it would alone; the run fails
// if either does.
import { spawn } from "node:child_process";

const tasks = ["typecheck", "lint"];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code, signal) => {
      const text = Buffer.concat(output).toString();
      const failed = code !== 0;
      process.stdout.write(`${failed ? "✗" : "✓"} npm run ${script}${failed ? ` (exit ${code ?? signal})` : ""}\n`);
      if (text.trim()) process.stdout.write(`${text.trimEnd()}\n`);
      resolve(!failed);
    });
  });
}

const results = await Promise.all(tasks.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
