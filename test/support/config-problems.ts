import { expect } from 'vitest';
import { parseForceConfig } from '../../functions/core/config/force-config.js';
import { InvalidInputError } from '../../functions/core/errors.js';

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
