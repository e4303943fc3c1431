/**
 * Stage 4, compile: a checked scenario to an XState v5 statechart. Choices are `choice.select`
 * events, `if` conditions are guards, `set` effects are assign actions, route nodes are eventless
 * transitions and endings are final states. Guards and actions are implemented once, here, and
 * referenced by name with plain parameters, so the machine's configuration stays serialisable.
 */
import { assign, setup } from 'xstate';
import { applyEffects, holds, type Condition, type Effect, type Variables } from './condition.ts';
import type { Scenario, ScenarioNode } from './types.ts';

export interface ScenarioContext {
  /** The scenario's variables and their current values. */
  readonly vars: Variables;
}

/** Picks the choice at `choice` (zero-based, in file order) of the current node. */
export interface ChoiceSelectEvent {
  readonly type: 'choice.select';
  readonly choice: number;
}

export type ScenarioEvent = ChoiceSelectEvent;

const scenarioSetup = setup({
  types: {
    context: {} as ScenarioContext,
    events: {} as ScenarioEvent,
  },
  guards: {
    /** The event picks this choice, and the choice's condition (if any) holds. */
    isOffered: ({ context, event }, params: { choice: number; condition?: Condition }) =>
      event.choice === params.choice && (params.condition === undefined || holds(params.condition, context.vars)),
    /** A route's condition holds. */
    conditionHolds: ({ context }, params: { condition: Condition }) => holds(params.condition, context.vars),
  },
  actions: {
    applyEffects: assign({ vars: ({ context }, params: { effects: readonly Effect[] }) => applyEffects(context.vars, params.effects) }),
    /** Does nothing itself: it marks each node entered, so a step reports the route nodes it passed. */
    enterNode: (_, _params: { node: string }) => {},
  },
});

/** Compiles a scenario that passed its checks into a statechart. */
export function compileScenario(scenario: Scenario) {
  return scenarioSetup.createMachine({
    id: scenario.id,
    initial: scenario.start,
    context: { vars: { ...scenario.meta.state } },
    states: Object.fromEntries(scenario.nodes.map((node) => [node.id, stateOf(node)])),
  });
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;

function stateOf(node: ScenarioNode) {
  const entry = [{ type: 'enterNode' as const, params: { node: node.id } }];
  switch (node.kind) {
    case 'ending':
      return { type: 'final' as const, entry };
    case 'route':
      return {
        entry,
        always: node.routes.map((route) => ({
          target: route.target,
          ...(route.condition ? { guard: { type: 'conditionHolds' as const, params: { condition: route.condition } } } : {}),
        })),
      };
    case 'choice':
      return {
        entry,
        on: {
          'choice.select': node.choices.map((choice, index) => ({
            target: choice.target,
            // A choice that leads back to its own node enters it again, as any other target is
            // entered: its lines are shown again and the step reports it (XState skips a
            // self-transition's entry otherwise).
            reenter: true,
            guard: { type: 'isOffered' as const, params: { choice: index, ...(choice.condition ? { condition: choice.condition } : {}) } },
            actions: choice.effects.length > 0 ? [{ type: 'applyEffects' as const, params: { effects: choice.effects } }] : [],
          })),
        },
      };
  }
}
