/**
 * A module's answer key: for each question of its knowledge check, the right option and every
 * option's feedback. The module page holds only the questions and options; its script fetches
 * this when the reader checks an answer, so the key is not in the page to be read beforehand.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { answerKeyOf } from '../../../site/check-attempt.ts';

export const getStaticPaths = (async () => (await getCollection('checks')).map((entry) => ({ params: { id: entry.id }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'checks'> }> = ({ props }) =>
  new Response(JSON.stringify(answerKeyOf(props.entry.data)), { headers: { 'Content-Type': 'application/json' } });
