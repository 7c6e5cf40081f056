import { expect, it } from 'vitest';
import { counted } from './counted.ts';

it('puts the noun in the singular for one and the plural otherwise', () => {
  expect([counted(0, 'turn'), counted(1, 'turn'), counted(2, 'turn'), counted(1, 'time'), counted(3, 'match', 'matches')]).toEqual(['0 turns', '1 turn', '2 turns', '1 time', '3 matches']);
});
