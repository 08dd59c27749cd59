export { buildProgram, main } from './cli.js';
export { EXIT, exitCodeFor, UsageError } from './exit-codes.js';
