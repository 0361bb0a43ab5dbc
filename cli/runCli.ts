// For the CLI tests: runs one of our TypeScript entry points as a user would, in a fresh Node process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node --import tsx <script> ...args` from the repository root, `stdin` piped in (empty by default). */
export function runCli(script: string, args: readonly string[], stdin = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}
