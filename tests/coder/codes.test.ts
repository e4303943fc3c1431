import { describe, expect, it } from 'vitest';
import { behaviourCodes } from '../../src/engine/behaviour-codes.ts';
import { codeNames } from '../../src/engine/coder/codes.ts';

describe("the coder's code names", () => {
  it('are the behaviour-code table, in its order, then none', () => {
    expect(codeNames).toEqual([...behaviourCodes.map((code) => code.name), 'none']);
  });
});
