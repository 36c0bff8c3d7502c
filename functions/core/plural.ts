/** "1 action", "3 actions", "2 people": the count and the noun that agrees with it. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
