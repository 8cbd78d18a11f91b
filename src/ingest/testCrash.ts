/**
 * Tests only: CHARTCLERK_TEST_CRASH_AT=<stage>:<file name> kills the process the way the kernel's
 * out-of-memory killer would, when that file reaches that stage. Unset in production.
 */
export function crashHookForTests(stage: string, originalName: string): void {
  const spec = process.env.CHARTCLERK_TEST_CRASH_AT
  if (!spec) return
  const i = spec.indexOf(':')
  if (spec.slice(0, i) === stage && spec.slice(i + 1) === originalName) process.kill(process.pid, 'SIGKILL')
}
