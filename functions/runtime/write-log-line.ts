/**
 * A job's JSON line, written as the whole log event. In Lambda, console.log puts a timestamp, the
 * request id and a level before it, and the alarms on the jobs' lines read them with JSON filter
 * patterns (infra/constructs/alarms.ts), which need an event that is JSON from its first character.
 */
export const writeLogLine = (line: string): void => void process.stdout.write(`${line}\n`);
