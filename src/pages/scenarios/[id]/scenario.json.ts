/**
 * A scenario as the engine reads it, as JSON: a phone in a group room fetches it only at the end,
 * to rebuild the room with the engine for the player's own summary and the group's transcript
 * (the phone's page carries no scenario, so it stays small for every other step).
 */
import type { APIRoute } from 'astro';
import { scenarioPagePaths, type ScenarioEntry } from '../../../site/scenario-catalog.ts';

export const getStaticPaths = scenarioPagePaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { entry: ScenarioEntry }).entry.scenario), { headers: { 'Content-Type': 'application/json' } });
