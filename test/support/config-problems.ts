import { expect } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { InvalidInputError } from '../../functions/core/errors.js';

/** The fields a force config cannot do without, every one valid: tests change one at a time. */
export const minimalConfig = {
  id: 'northshire',
  name: 'Northshire Police',
  baseUrl: 'https://actions.northshire.example',
  sender: 'action-plan@northshire.example',
  admins: ['admin@northshire.example'],
};

/** The lines a refused force config gives, one per bad field; fails if the config is accepted. */
export function configProblems(input: unknown): string[] {
  try {
    parseForceConfig(input, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).problems;
  }
  throw new Error('expected the config to be refused');
}
