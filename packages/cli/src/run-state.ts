/** The exit code a command chose, read by `main` after the command finished. */
export const runState: { exitCode: number } = { exitCode: 0 };
