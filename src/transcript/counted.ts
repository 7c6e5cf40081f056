/** `1 turn`, `3 turns`: a count with its noun in the right number (`many` for irregular plurals). */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
