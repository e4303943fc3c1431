/** The course's modules in order, for the course map, the navigation and module pages. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type ModuleEntry = CollectionEntry<'modules'>;

/** Every module, by `order`. */
export async function courseModules(): Promise<ModuleEntry[]> {
  return (await getCollection('modules')).sort((a, b) => a.data.order - b.data.order);
}
