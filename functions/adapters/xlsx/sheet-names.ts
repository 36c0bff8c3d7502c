/** `changes` is the email's heading for the same list, so the board finds it by the name it knows (at most 31 characters, none of /\?*[]:). */
export const sheetNames = { summary: 'Summary', plan: 'Action plan', changes: 'What moved since last month' } as const;
