import { describe, expect, it } from 'vitest';
import { applyEffects, formatCondition, formatEffects, holds, parseCondition, parseEffects, parseStateExpectation } from '../../src/engine/condition.ts';

function condition(text: string) {
  const parsed = parseCondition(text);
  if (!parsed.ok) throw new Error(parsed.problems[0]!.reason);
  return parsed.value;
}

describe('conditions', () => {
  it('binds `and` tighter than `or`', () => {
    const c = condition('a >= 3 or b == 1 and c < 0');
    expect(holds(c, { a: 3, b: 0, c: 5 })).toBe(true);
    expect(holds(c, { a: 0, b: 1, c: -1 })).toBe(true);
    expect(holds(c, { a: 0, b: 1, c: 0 })).toBe(false);
    expect(formatCondition(c)).toBe('a >= 3 or b == 1 and c < 0');
  });

  it('supports every operator, negative numbers and no spaces', () => {
    const vars = { x: -2 };
    expect(['x>=-2', 'x<=-2', 'x>-3', 'x<0', 'x==-2', 'x!=2'].map((text) => holds(condition(text), vars))).toEqual([true, true, true, true, true, true]);
    expect(['x>=0', 'x<=-3', 'x>-2', 'x<-2', 'x==2', 'x!=-2'].map((text) => holds(condition(text), vars))).toEqual([false, false, false, false, false, false]);
  });

  it('says where a condition goes wrong', () => {
    expect(parseCondition('rapport >= ')).toEqual({ ok: false, problems: [{ reason: 'Unexpected end of the condition, expected a whole number', offset: 10 }] });
    expect(parseCondition('rapport >= 3 and')).toMatchObject({ ok: false, problems: [{ reason: 'Unexpected end of the condition, expected a variable name' }] });
    expect(parseCondition('rapport >= 3 but x < 1')).toMatchObject({ ok: false, problems: [{ offset: 13 }] });
    expect(parseCondition('')).toMatchObject({ ok: false });
  });

  it('says that conditions have no brackets, and what to write instead only where dropping them keeps the meaning', () => {
    expect(parseCondition('(rapport >= 3)')).toEqual({
      ok: false,
      problems: [{ reason: 'Unexpected `(`: conditions have no brackets, expected comparisons joined by `and` or `or` (`and` binds tighter): write `rapport >= 3`', offset: 0 }],
    });
    expect(parseCondition('rapport >= 3 and (trust > 1 or readiness == 5)')).toMatchObject({
      ok: false,
      problems: [{ reason: expect.stringMatching(/^Unexpected `\(`: conditions have no brackets, .*, such as `rapport >= 3 and trust > 1 or readiness == 5`$/), offset: 17 }],
    });
  });
});

describe('effects', () => {
  it('adds, subtracts and sets, in order', () => {
    const parsed = parseEffects('rapport +1, readiness -2, trust = 0, rapport + 2');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(applyEffects({ rapport: 1, readiness: 1, trust: 4 }, parsed.value)).toEqual({ rapport: 4, readiness: -1, trust: 0 });
    expect(formatEffects(parsed.value)).toBe('rapport +1, readiness -2, trust = 0, rapport +2');
  });

  it('reports every broken effect in a list', () => {
    const parsed = parseEffects('rapport 1, , trust ==');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.offset)).toEqual([8, 9, 19]);
  });
});

describe('state expectations in checks', () => {
  it('reads a comparison or a bare number', () => {
    const atLeast = parseStateExpectation('rapport', '>= 3');
    const exactly = parseStateExpectation('rapport', 2);
    expect(atLeast.ok && holds(atLeast.value, { rapport: 3 })).toBe(true);
    expect(exactly.ok && holds(exactly.value, { rapport: 3 })).toBe(false);
    expect(parseStateExpectation('rapport', 'lots').ok).toBe(false);
  });
});
